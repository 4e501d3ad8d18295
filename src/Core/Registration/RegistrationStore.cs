using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace CustomerFunctions.Core.Registration;

/// <summary>
/// The <c>Registrations</c> table: pending registrations (partition <c>pending|{tokenHash}</c>) and the per-email send
/// slots (partition <c>emailcap|{emailHash}</c>, one row per slot) that cap confirmation emails across every instance;
/// both go when the account they name is erased.
/// The only code touching that table.
/// </summary>
public sealed class RegistrationStore(StorageClients storage, IConfiguration configuration)
{
    public const string TableName = "Registrations";

    private static readonly PendingRegistrationRow PendingRow = new();
    private static readonly EmailSlotRow SlotRow = new();

    private readonly TableCreatedOnce tableOnce = new(storage.Table(TableName));
    private readonly RegistrationOptions options = RegistrationOptions.From(configuration);

    public RegistrationOptions Options => options;

    public async Task AddAsync(PendingRegistration registration, CancellationToken cancellationToken)
    {
        await tableOnce.EnsureAsync(cancellationToken);
        await tableOnce.Table.AddEntityAsync(PendingRow.ToEntity(PendingRegistrationRow.Partition(registration.TokenHash), registration), cancellationToken);
    }

    public async Task<PendingRegistration?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await tableOnce.EnsureAsync(cancellationToken);
        var row = await tableOnce.Table.GetEntityIfExistsAsync<TableEntity>(PendingRegistrationRow.Partition(tokenHash), PendingRegistrationRow.RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? PendingRow.FromEntity(row.Value!) : null;
    }

    public async Task ForgetAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await tableOnce.EnsureAsync(cancellationToken);
        try
        {
            await tableOnce.Table.DeleteEntityAsync(PendingRegistrationRow.Partition(tokenHash), PendingRegistrationRow.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>
    /// Claims one of the address's send slots for the rolling hour: a slot is free when it was never used or its last
    /// email is an hour old. Each claim is a conditional write, so parallel requests on any instance never share a slot.
    /// Returns null when claimed, else how long until the oldest slot frees up.
    /// </summary>
    public async Task<TimeSpan?> TryClaimEmailSlotAsync(string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await tableOnce.EnsureAsync(cancellationToken);
        var partition = EmailSlotRow.Partition(email);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            var slots = new Dictionary<string, Stored<EmailSlot>>(StringComparer.Ordinal);
            await foreach (var row in tableOnce.Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                slots[row.RowKey] = new Stored<EmailSlot>(SlotRow.FromEntity(row), row.RowKey, row.ETag);
            }
            var oldest = DateTimeOffset.MaxValue;
            for (var number = 1; number <= options.EmailsPerAddressPerHour; number++)
            {
                var claim = SlotRow.ToEntity(partition, new EmailSlot(number, now));
                try
                {
                    if (!slots.TryGetValue(claim.RowKey, out var existing))
                    {
                        await tableOnce.Table.AddEntityAsync(claim, cancellationToken);
                        return null;
                    }
                    if (existing.Value.IsFreeAt(now))
                    {
                        await tableOnce.Table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                        return null;
                    }
                    oldest = existing.Value.SentAt < oldest ? existing.Value.SentAt : oldest;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
                {
                    // Another request took this slot first, or the purge removed it as spent: look at the rest.
                }
            }
            if (slots.Count >= options.EmailsPerAddressPerHour && oldest != DateTimeOffset.MaxValue)
            {
                return oldest + EmailSlot.Window - now;
            }
        }
        return EmailSlot.Window;
    }

    /// <summary>
    /// Erases what this table holds about an erased account: its pending registrations (unconfirmed copies of the
    /// registrant's name and email) and the send slots of the registrant's address (named by an unsalted hash of it,
    /// which anyone holding the address can recompute). The pending range is small: the purge keeps it to a day's registrations.
    /// </summary>
    public async Task ForgetAccountAsync(string accountId, string? registrantEmail, CancellationToken cancellationToken)
    {
        await tableOnce.EnsureAsync(cancellationToken);
        const string pending = PendingRegistrationRow.PartitionPrefix;
        var filters = new List<string> { TableClient.CreateQueryFilter($"PartitionKey ge {pending} and PartitionKey lt {Keys.PrefixEnd(pending)} and AccountId eq {accountId}") };
        if (registrantEmail is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"PartitionKey eq {EmailSlotRow.Partition(registrantEmail)}"));
        }
        foreach (var filter in filters)
        {
            await foreach (var row in tableOnce.Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                try
                {
                    await tableOnce.Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                }
            }
        }
    }

    /// <summary>
    /// Deletes pending registrations past their expiry (they hold a name and an email nobody confirmed) and send slots
    /// whose hour is over (a missing slot is a free one). Two range queries over those partitions only, never the
    /// accounts; what is left behind by a crash is found again by the next run. Returns how many rows went.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await tableOnce.EnsureAsync(cancellationToken);
        const string pending = PendingRegistrationRow.PartitionPrefix;
        const string slots = EmailSlotRow.PartitionPrefix;
        var expired = TableClient.CreateQueryFilter($"PartitionKey ge {pending} and PartitionKey lt {Keys.PrefixEnd(pending)} and ExpiresAt le {now}");
        var freed = TableClient.CreateQueryFilter($"PartitionKey ge {slots} and PartitionKey lt {Keys.PrefixEnd(slots)} and SentAt le {now - EmailSlot.Window}");
        var purged = 0;
        foreach (var filter in new[] { expired, freed })
        {
            await foreach (var row in tableOnce.Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                try
                {
                    // Only the row as read: a slot claimed again meanwhile has a new ETag and stays.
                    await tableOnce.Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                    purged++;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                }
            }
        }
        return purged;
    }

}
