using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>
/// Each user's inbox of messages still to see, across all their accounts: index partition <c>inbox|{userId}</c>, one row
/// <c>{messageId}|{accountId}</c> per pending message. The rows are derived from the account partitions by
/// <see cref="SyncMessageInbox"/> (live while pending, a tombstone once acknowledged or closed), versioned with the account
/// so a late run never brings back a row a newer one removed. Reading the inbox costs one query plus point reads for the
/// rows it returns, never anything proportional to the messages ever sent.
/// </summary>
public sealed class MessageInbox(StorageClients storage, IndexTable index)
{
    public static string Partition(string userId) => "inbox|" + KeyEncoding.Encode(userId);

    public static string RowKey(string messageId, string accountId) => messageId + "|" + accountId;

    /// <summary>Brings the inbox rows of one message in line with its account partition (for one recipient or all).</summary>
    public async Task SyncAsync(string accountId, string messageId, string? onlyUserId, CancellationToken cancellationToken)
    {
        // Read the version first: whatever state we then see is at least that new, so it may be written with that version.
        var profile = await storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, Keys.Profile, cancellationToken: cancellationToken);
        var messageRow = await storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, Message.RowKey(messageId), cancellationToken: cancellationToken);
        if (!profile.HasValue || !messageRow.HasValue)
        {
            return;
        }
        var account = AccountPartition.Profile.FromEntity(profile.Value!);
        var message = Message.FromEntity(messageRow.Value!);
        var acknowledged = await AcknowledgersAsync(accountId, messageId, cancellationToken);
        foreach (var (userId, member) in await RecipientsAsync(accountId, onlyUserId, cancellationToken))
        {
            var pending = !account.IsDeleted && member is not null && message.IsPendingFor(member, acknowledged.Contains(userId));
            var properties = pending
                ? new Dictionary<string, object?> { ["AccountId"] = accountId, ["MessageId"] = messageId, ["SentAt"] = message.SentAt }
                : null;
            await index.WriteAsync(Partition(userId), RowKey(messageId, accountId), account.Version, properties, cancellationToken);
        }
    }

    private async Task<HashSet<string>> AcknowledgersAsync(string accountId, string messageId, CancellationToken cancellationToken)
    {
        var prefix = Acknowledgement.MessagePrefix(messageId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {prefix} and RowKey lt {Keys.PrefixEnd(prefix)}");
        var users = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in storage.Accounts.QueryAsync<TableEntity>(filter, select: ["UserId"], cancellationToken: cancellationToken))
        {
            users.Add(row.GetString("UserId") ?? "");
        }
        return users;
    }

    private async Task<List<(string UserId, Member? Member)>> RecipientsAsync(string accountId, string? onlyUserId, CancellationToken cancellationToken)
    {
        if (onlyUserId is not null)
        {
            var row = await storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, AccountPartition.Members.Key(MemberRow.Id(onlyUserId)), cancellationToken: cancellationToken);
            return [(onlyUserId, row.HasValue ? AccountPartition.Members.FromEntity(row.Value!) : null)];
        }
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {MemberRow.Prefix} and RowKey lt {Keys.PrefixEnd(MemberRow.Prefix)}");
        var members = new List<(string, Member?)>();
        await foreach (var row in storage.Accounts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var member = AccountPartition.Members.FromEntity(row);
            members.Add((member.UserId, member));
        }
        return members;
    }
}

/// <summary>Write (or tombstone) the inbox rows of a message: for every member, or for one user after their acknowledgement.</summary>
public sealed record SyncMessageInbox(string MessageId, string? OnlyUserId = null) : SideEffect<MessageInbox>
{
    public override Task RunAsync(string accountId, MessageInbox inbox, CancellationToken cancellationToken) =>
        inbox.SyncAsync(accountId, MessageId, OnlyUserId, cancellationToken);
}
