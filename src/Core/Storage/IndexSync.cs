using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Core.Storage;

/// <summary>Brings the membership index rows in line with an account partition (the listing rows: <c>AccountListingIndex</c>).</summary>
public sealed class IndexSync(StorageClients storage, IndexTable index)
{
    public async Task SyncMembershipAsync(string accountId, string userId, CancellationToken cancellationToken)
    {
        // Read the version first: whatever member state we then see is at least that new.
        var account = await ReadAccountAsync(accountId, cancellationToken);
        if (account is null)
        {
            return;
        }
        var row = await storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, AccountPartition.Members.Key(MemberRow.Id(userId)), cancellationToken: cancellationToken);
        Dictionary<string, object?>? properties = null;
        if (row.HasValue && !account.IsDeleted)
        {
            var member = AccountPartition.Members.FromEntity(row.Value!);
            properties = new() { ["AccountId"] = accountId, ["AccountName"] = account.Name, ["Kind"] = account.Kind.ToString(), ["Role"] = member.Role.ToString() };
        }
        await index.WriteAsync(IndexTable.UserMemberships(userId), accountId, account.Version, properties, cancellationToken);
    }

    public async Task SyncAllMembershipsAsync(string accountId, CancellationToken cancellationToken)
    {
        var filter = AccountPartition.Members.Range(accountId);
        await foreach (var row in storage.Accounts.QueryAsync<TableEntity>(filter, select: ["UserId"], cancellationToken: cancellationToken))
        {
            await SyncMembershipAsync(accountId, row.GetString("UserId") ?? "", cancellationToken);
        }
    }

    private async Task<Account?> ReadAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        var row = await storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, Keys.Profile, cancellationToken: cancellationToken);
        return row.HasValue ? AccountPartition.Profile.FromEntity(row.Value!) : null;
    }
}
