using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>
/// Each user's inbox of messages still to see, across all their accounts: index partition <c>inbox|{userId}</c>, one
/// <see cref="InboxRow"/> per pending message, and the only code touching that partition. The rows are derived from the
/// account partitions by <see cref="SyncMessageInbox"/> (live while pending, a tombstone once acknowledged or closed),
/// versioned with the account so a late run never brings back a row a newer one removed. Reading the inbox costs one
/// query plus point reads for the rows it returns, never anything proportional to the messages ever sent.
/// </summary>
public sealed class MessageInbox(AccountStore accounts, IndexTable index, Paging paging)
{
    private static readonly InboxRow Rows = new();

    /// <summary>One page of the user's live inbox rows (tombstones left out), for the API.</summary>
    public async Task<(List<InboxEntry> Entries, string? ContinuationToken)> PageAsync(string userId, ApiRequest request)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {InboxRow.Partition(userId)} and Removed eq false");
        var (rows, token) = await paging.QueryAsync(index.Table, filter, request, Paging.Scope(request));
        return ([.. rows.Select(Rows.FromEntity)], token);
    }

    /// <summary>Brings the inbox rows of one message in line with its account partition (for one recipient or all).</summary>
    public async Task SyncAsync(string accountId, string messageId, string? onlyUserId, CancellationToken cancellationToken)
    {
        // Read the version first: whatever state we then see is at least that new, so it may be written with that version.
        var profile = await accounts.ReadAccountAsync(accountId, cancellationToken);
        var stored = await accounts.ReadAsync(accountId, AccountPartition.Messages, MessageRow.Id(messageId), cancellationToken);
        if (profile is not { Account: var account } || stored is not { Value: var message })
        {
            return;
        }
        var acknowledged = await AcknowledgersAsync(accountId, messageId, cancellationToken);
        foreach (var (userId, member) in await RecipientsAsync(accountId, onlyUserId, cancellationToken))
        {
            var pending = !account.IsDeleted && member is not null && message.IsPendingFor(member, acknowledged.Contains(userId));
            var partition = InboxRow.Partition(userId);
            var properties = pending ? Properties(Rows.ToEntity(partition, new InboxEntry(accountId, messageId, message.SentAt))) : null;
            await index.WriteAsync(partition, InboxRow.Key(messageId, accountId), account.Version, properties, cancellationToken);
        }
    }

    private static Dictionary<string, object?> Properties(TableEntity row) =>
        row.Where(p => p.Key is not ("PartitionKey" or "RowKey")).ToDictionary(p => p.Key, p => (object?)p.Value);

    private async Task<HashSet<string>> AcknowledgersAsync(string accountId, string messageId, CancellationToken cancellationToken)
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var ack in accounts.QueryAsync(accountId, AccountPartition.Acknowledgements, AcknowledgementRow.OfMessage(messageId), select: ["UserId"], cancellationToken: cancellationToken))
        {
            users.Add(ack.Value.UserId);
        }
        return users;
    }

    private async Task<List<(string UserId, Member? Member)>> RecipientsAsync(string accountId, string? onlyUserId, CancellationToken cancellationToken)
    {
        if (onlyUserId is not null)
        {
            return [(onlyUserId, await accounts.ReadMemberAsync(accountId, onlyUserId, cancellationToken))];
        }
        var members = new List<(string, Member?)>();
        await foreach (var member in accounts.QueryAsync(accountId, AccountPartition.Members, cancellationToken: cancellationToken))
        {
            members.Add((member.Value.UserId, member.Value));
        }
        return members;
    }
}
