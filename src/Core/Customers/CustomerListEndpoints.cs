using System.Text.Json;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>
/// Lists accounts from the index (one partition per question: all accounts, or one partner's customers). The listing
/// rows are copies of the profile rows, written by <see cref="SyncAccountListing"/> after every command.
/// </summary>
public sealed class CustomerListEndpoints(AccountListingIndex listing, CallerPartners partners)
{
    public static readonly IReadOnlyList<string> QueryParameters = ["partnerId", "status", "seller", "search", "testAccounts", "pageSize", "continuationToken"];

    /// <summary>The testAccounts modes: which accounts count (null: test accounts and others alike).</summary>
    private static readonly Dictionary<string, bool?> TestAccountModes = new(StringComparer.Ordinal) { ["exclude"] = false, ["include"] = null, ["only"] = true };

    /// <summary>The API's status names (camelCase) to the enum.</summary>
    private static readonly Dictionary<string, AccountStatus> StatusNames =
        Enum.GetValues<AccountStatus>().ToDictionary(s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()), StringComparer.Ordinal);

    public async Task<Answer<ApiResponse, Invalid, Forbidden>> List(ApiRequest request)
    {
        var partnerId = request.Query("partnerId");
        var statusText = request.Query("status");
        var seller = request.Query("seller");
        var search = request.Query("search")?.Trim().ToLowerInvariant();
        var testAccounts = request.Query("testAccounts") ?? "exclude";
        var check = new Validator()
            .Identifier("partnerId", partnerId, required: false)
            .OneOf("status", statusText, StatusNames.Keys)
            .Text("seller", seller, 100)
            .Text("search", search, 200)
            .OneOf("testAccounts", testAccounts, TestAccountModes.Keys);
        if (search is "")
        {
            check.Error("search", "Must not be empty.");
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        Paging.PageSize(request);

        var caller = request.Caller;
        if (caller.IsImpersonation)
        {
            return new ImpersonationConfined();
        }
        if (!caller.IsOperator)
        {
            var choice = await partners.ResolveAsync(request, partnerId, "Only operators and partner members list customer accounts, and partners only their own.");
            if (choice.Refused is { } refused)
            {
                return refused;
            }
            if (choice.Ambiguous is { } ambiguous)
            {
                return ambiguous;
            }
            partnerId = choice.Id;
        }

        var query = new ListingQuery(partnerId, statusText is null ? null : StatusNames[statusText], seller, search, TestAccountModes[testAccounts]);
        var (accounts, token) = await listing.PageAsync(query, request);
        return ApiResponse.Ok(new AccountPage([.. accounts.Select(AccountView.From)], token));
    }
}
