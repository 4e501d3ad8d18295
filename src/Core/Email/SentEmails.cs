using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// One row per email (PartitionKey = email id): <c>sending</c> with a lease while a delivery sends it, then <c>sent</c>.
/// Two deliveries of the same message race for the row with ETags, so only one sends; a crashed one's lease expires.
/// </summary>
public sealed class SentEmails(StorageClients storage, TimeProvider time)
{
    private const string Sending = "sending";
    private const string Sent = "sent";

    private TableClient Table => storage.SentEmails;

    public async Task<SendClaim> ClaimAsync(EmailMessage message, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var row = new TableEntity(message.Id, "")
        {
            ["State"] = Sending,
            ["LeaseUntil"] = now + lease,
            ["Template"] = message.Template,
            ["AccountId"] = message.AccountId,
        };
        try
        {
            var added = await Table.AddEntityAsync(row, cancellationToken);
            return new SendClaim.Granted(added.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(message.Id, "", cancellationToken: cancellationToken);
        if (!existing.HasValue)
        {
            // Released between our insert and our read: let the queue bring the message back.
            return new SendClaim.Busy(now);
        }
        var current = existing.Value!;
        // Rows written before leases existed carry no State: they mean sent.
        if (current.GetString("State") is not Sending)
        {
            return new SendClaim.AlreadySent();
        }
        var until = current.GetDateTimeOffset("LeaseUntil") ?? now;
        if (until > now)
        {
            return new SendClaim.Busy(until);
        }
        try
        {
            var taken = await Table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, cancellationToken);
            return new SendClaim.Granted(taken.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return new SendClaim.Busy(now + lease);
        }
    }

    public async Task MarkSentAsync(EmailMessage message, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(message.Id, "")
        {
            ["State"] = Sent,
            ["Template"] = message.Template,
            ["AccountId"] = message.AccountId,
            ["SentAt"] = time.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Gives the email up after a failed send, so the next delivery can try at once.</summary>
    public async Task ReleaseAsync(EmailMessage message, ETag etag)
    {
        try
        {
            await Table.DeleteEntityAsync(message.Id, "", etag, CancellationToken.None);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
        }
    }
}
