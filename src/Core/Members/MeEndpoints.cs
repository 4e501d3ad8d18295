using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Impersonation;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Members;

/// <summary><c>GET /api/me</c>: the caller and their memberships, read from the user's partition of the index.</summary>
public sealed class MeEndpoints(IndexTable index, AccountStore accounts)
{
    /// <summary>A user belongs to a handful of accounts; this bound keeps one answer small.</summary>
    private const int MaxMemberships = 1000;

    public async Task<ApiResponse> Get(ApiRequest request)
    {
        var caller = request.Caller;
        if (caller.IsImpersonation)
        {
            // An impersonation token is a customer admin of its one account and nothing else, whatever the impersonator's own memberships.
            var account = await accounts.ReadAccountAsync(caller.ImpersonatedAccountId!, request.Aborted);
            var only = account is null ? [] : new[] { new MembershipView(account.Value.Account.Id, account.Value.Account.Name, account.Value.Account.Kind, Member.AdminRoleFor(account.Value.Account.Kind)) };
            return ApiResponse.Ok(new MeView(caller.UserId, caller.Email, caller.Name, IsOperator: false, only) { Impersonation = ImpersonationDescription.For(caller) });
        }
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexTable.UserMemberships(caller.UserId)} and Removed eq false");
        var memberships = new List<MembershipView>();
        await foreach (var row in index.Table.QueryAsync<TableEntity>(filter, select: ["RowKey", "AccountName", "Kind", "Role"], cancellationToken: request.Aborted))
        {
            if (Enum.TryParse<AccountKind>(row.GetString("Kind"), out var kind) && Enum.TryParse<MemberRole>(row.GetString("Role"), out var role))
            {
                memberships.Add(new MembershipView(row.RowKey, row.GetString("AccountName"), kind, role));
            }
            if (memberships.Count == MaxMemberships)
            {
                break;
            }
        }
        return ApiResponse.Ok(new MeView(caller.UserId, caller.Email, caller.Name, caller.IsOperator, memberships));
    }
}
