using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>Which partner a partner member acts for: the one they name (if they belong to it) or their only one.</summary>
public sealed class CallerPartners(AccountStore accounts, IndexTable index)
{
    /// <param name="forbidden">The 403 detail when the caller does not belong to the named partner, or to none.</param>
    public async Task<string> ResolveAsync(ApiRequest request, string? requested, string forbidden)
    {
        var userId = request.Caller.UserId;
        if (requested is not null)
        {
            // Both point reads at once: a partner that does not exist has no members either.
            var partnerTask = accounts.ReadAccountAsync(requested, request.Aborted);
            var member = await accounts.ReadMemberAsync(requested, userId, request.Aborted);
            var partner = await partnerTask;
            return partner is { Account.Kind: AccountKind.Partner, Account.IsDeleted: false } && member is not null
                ? requested
                : throw new ApiErrorException(ApiError.Forbidden(forbidden));
        }
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexTable.UserMemberships(userId)} and Removed eq false and Kind eq {nameof(AccountKind.Partner)}");
        var partners = new List<string>();
        await foreach (var row in index.Table.QueryAsync<TableEntity>(filter, cancellationToken: request.Aborted))
        {
            // The index is derived data: confirm each membership at its source.
            if (await accounts.ReadMemberAsync(row.RowKey, userId, request.Aborted) is not null)
            {
                partners.Add(row.RowKey);
            }
        }
        return partners.Count switch
        {
            1 => partners[0],
            0 => throw new ApiErrorException(ApiError.Forbidden(forbidden)),
            _ => throw new ApiErrorException(ApiError.Validation("partnerId", "You belong to several partners: name the one you mean.")),
        };
    }
}
