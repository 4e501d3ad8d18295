using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Impersonation;
using CustomerFunctions.Core.Settings;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Members;

/// <summary><c>GET /api/me</c>: the caller, their memberships (read from the user's partition of the index) and what the panel may show them.</summary>
public sealed class MeEndpoints(IndexTable index, AccountStore accounts, OperatorSettingsStore settings)
{
    /// <summary>A user belongs to a handful of accounts; this bound keeps one answer small.</summary>
    private const int MaxMemberships = 1000;

    public async Task<ApiResponse> Get(ApiRequest request)
    {
        var caller = request.Caller;
        var operatorSettings = settings.ReadAsync(request.Aborted);
        if (caller.IsImpersonation)
        {
            // An impersonation token is a customer admin of its one account and nothing else, whatever the impersonator's own memberships.
            var stored = await accounts.ReadAccountAsync(caller.ImpersonatedAccountId!, request.Aborted);
            var only = stored?.Account is { } account
                ? new[] { new MembershipView(account.Id, account.Name, account.Kind, Member.AdminRoleFor(account.Kind), account.Status, account.PartnerId, account.Language) }
                : [];
            var features = MeFeatures.For((await operatorSettings).Settings, mayManageLinks: false);
            return ApiResponse.Ok(new MeView(caller.UserId, caller.Email, caller.Name, IsOperator: false, only, features) { Impersonation = ImpersonationDescription.For(caller) });
        }
        var memberships = await MembershipsAsync(caller.UserId, request.Aborted);
        var mayManageLinks = caller.IsOperator || memberships.Any(m => m.Kind == AccountKind.Partner);
        var me = new MeView(caller.UserId, caller.Email, caller.Name, caller.IsOperator, memberships, MeFeatures.For((await operatorSettings).Settings, mayManageLinks));
        return ApiResponse.Ok(me);
    }

    private async Task<List<MembershipView>> MembershipsAsync(string userId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexTable.UserMemberships(userId)} and Removed eq false");
        var memberships = new List<MembershipView>();
        await foreach (var row in index.Table.QueryAsync<TableEntity>(filter, select: ["RowKey", "AccountName", "Kind", "Role", "Status", "PartnerId", "Language"], cancellationToken: cancellationToken))
        {
            if (Enum.TryParse<AccountKind>(row.GetString("Kind"), out var kind) && Enum.TryParse<MemberRole>(row.GetString("Role"), out var role))
            {
                var status = Enum.TryParse<AccountStatus>(row.GetString("Status"), out var s) ? s : (AccountStatus?)null;
                memberships.Add(new MembershipView(row.RowKey, row.GetString("AccountName"), kind, role, status, row.GetString("PartnerId"), row.GetString("Language")));
            }
            if (memberships.Count == MaxMemberships)
            {
                break;
            }
        }
        return await WithProfilesWhereUnsyncedAsync(userId, memberships, cancellationToken);
    }

    /// <summary>Index rows written before they carried the account's status, partner and the member's language take them from the account.</summary>
    private async Task<List<MembershipView>> WithProfilesWhereUnsyncedAsync(string userId, List<MembershipView> memberships, CancellationToken cancellationToken) =>
        [.. await Task.WhenAll(memberships.Select(async m => m.Status is not null && m.Language is not null ? m : await FromProfileAsync(userId, m, cancellationToken)))];

    private async Task<MembershipView> FromProfileAsync(string userId, MembershipView m, CancellationToken cancellationToken)
    {
        // Both point reads at once: an unsynced row costs one round trip.
        var accountTask = accounts.ReadAccountAsync(m.CustomerId, cancellationToken);
        var memberTask = accounts.ReadMemberAsync(m.CustomerId, userId, cancellationToken);
        await Task.WhenAll(accountTask, memberTask);
        if ((await accountTask)?.Account is not { } account)
        {
            return m;
        }
        var member = await memberTask;
        return m with { Status = account.Status, PartnerId = account.PartnerId, Language = member?.LanguageIn(account) ?? account.Language };
    }
}
