using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// The customer list (sorted, filtered, searched pages from <see cref="CustomerListReader"/>) and its counts: operators
/// see every account or one partner's, partner members their partner's customers.
/// </summary>
public sealed class CustomerListEndpoints(CustomerListReader list, CallerPartners partners)
{
    public static readonly IReadOnlyList<string> QueryParameters = ["partnerId", "status", "stage", "seller", "search", "sort", "testAccounts", "pageSize", "continuationToken"];
    public static readonly IReadOnlyList<string> CountsQueryParameters = ["partnerId", "testAccounts"];

    public async Task<Answer<ApiResponse, Invalid, Forbidden>> List(ApiRequest request)
    {
        var partnerId = request.Query("partnerId");
        var seller = request.Query("seller");
        var search = request.Query("search");
        var testAccounts = request.Query("testAccounts") ?? "exclude";
        var check = new Validator()
            .Identifier("partnerId", partnerId, required: false)
            .Text("seller", seller, 100)
            .Text("search", search, 200)
            .OneOf("testAccounts", testAccounts, ListFilters.TestAccountModes.Keys);
        var statuses = ListFilters.Several(check, "status", request.Query("status"), ListFilters.StatusNames);
        var stages = ListFilters.Several(check, "stage", request.Query("stage"), ListFilters.StageNames);
        var sort = ListFilters.Sort(check, request.Query("sort"));
        if (search is not null && ListText.Fold(search).Length == 0)
        {
            check.Error("search", "Must hold a letter or a digit.");
        }
        if (seller is not null && ListText.Fold(seller).Length == 0)
        {
            check.Error("seller", "Must hold a letter or a digit.");
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        Paging.PageSize(request);
        var scope = await ScopeAsync(request, partnerId);
        if (scope.Refused is { } refused)
        {
            return Refusal(refused);
        }
        var query = new ListQuery(scope.PartnerId, statuses, stages, seller, search, ListFilters.TestAccountModes[testAccounts], sort!);
        var (accounts, token) = await list.PageAsync(query, request);
        return ApiResponse.Ok(new AccountPage([.. accounts.Select(AccountView.From)], token));
    }

    /// <summary>Totals by status and by stage over the accounts not deleted, from the counter shards (one query).</summary>
    public async Task<Answer<ApiResponse, Invalid, Forbidden>> Counts(ApiRequest request)
    {
        var partnerId = request.Query("partnerId");
        var testAccounts = request.Query("testAccounts") ?? "exclude";
        var check = new Validator()
            .Identifier("partnerId", partnerId, required: false)
            .OneOf("testAccounts", testAccounts, ListFilters.TestAccountModes.Keys);
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        var scope = await ScopeAsync(request, partnerId);
        if (scope.Refused is { } refused)
        {
            return Refusal(refused);
        }
        var shards = await list.CountersAsync(scope.PartnerId, request.Aborted);
        return ApiResponse.Ok(AccountCounts.From(shards, ListFilters.TestAccountModes[testAccounts]));
    }

    private static Answer<ApiResponse, Invalid, Forbidden> Refusal(Failure refused) =>
        refused is Invalid invalid ? invalid : (Forbidden)refused;

    /// <summary>Which partner's list the caller reads (null: every account, for operators); the refusal otherwise.</summary>
    private async Task<(string? PartnerId, Failure? Refused)> ScopeAsync(ApiRequest request, string? partnerId)
    {
        var caller = request.Caller;
        if (caller.IsImpersonation)
        {
            return (null, new ImpersonationConfined());
        }
        if (caller.IsOperator)
        {
            return (partnerId, null);
        }
        var choice = await partners.ResolveAsync(request, partnerId, "Only operators and partner members list customer accounts, and partners only their own.");
        return choice.Refused is { } refused ? (null, refused) : choice.Ambiguous is { } ambiguous ? (null, ambiguous) : (choice.Id, null);
    }
}
