using CustomerFunctions.Core.Accounts;

namespace CustomerFunctions.Core.Storage;

/// <summary>Brings the membership index rows in line with an account partition (the listing rows: <c>AccountListingIndex</c>).</summary>
public sealed class IndexSync(IndexTable index, AccountStore accounts)
{
    public async Task SyncMembershipAsync(string accountId, string userId, CancellationToken cancellationToken)
    {
        // Read the version first: whatever member state we then see is at least that new.
        if ((await accounts.ReadAccountAsync(accountId, cancellationToken))?.Account is not { } account)
        {
            return;
        }
        var member = await accounts.ReadMemberAsync(accountId, userId, cancellationToken);
        Dictionary<string, object?>? properties = null;
        if (member is not null && !account.IsDeleted)
        {
            properties = new()
            {
                ["AccountId"] = accountId,
                ["AccountName"] = account.Name,
                ["Kind"] = account.Kind.ToString(),
                ["Role"] = member.Role.ToString(),
                ["Status"] = account.Status.ToString(),
                ["PartnerId"] = account.PartnerId,
                ["Language"] = member.LanguageIn(account),
            };
        }
        await index.WriteAsync(IndexTable.UserMemberships(userId), accountId, account.Version, properties, cancellationToken);
    }

    public async Task SyncAllMembershipsAsync(string accountId, CancellationToken cancellationToken)
    {
        await foreach (var member in accounts.QueryAsync(accountId, AccountPartition.Members, select: ["UserId"], cancellationToken: cancellationToken))
        {
            await SyncMembershipAsync(accountId, member.Value.UserId, cancellationToken);
        }
    }
}
