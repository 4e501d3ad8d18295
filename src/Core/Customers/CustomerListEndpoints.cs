using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>One page of the account listing.</summary>
public sealed record AccountPage(IReadOnlyList<AccountView> Items, string? ContinuationToken);

/// <summary>
/// Lists accounts from the index (one partition per question: all accounts, or one partner's customers). The listing
/// rows are copies of the profile rows, written by <see cref="SyncAccountListing"/> after every command.
/// </summary>
public sealed class CustomerListEndpoints(IndexTable index, Paging paging, CallerPartners partners)
{
    public static readonly IReadOnlyList<string> QueryParameters = ["partnerId", "status", "seller", "search", "testAccounts", "pageSize", "continuationToken"];

    private static readonly string[] TestAccountModes = ["exclude", "include", "only"];

    /// <summary>The API's status names (camelCase) to the enum.</summary>
    private static readonly Dictionary<string, AccountStatus> StatusNames =
        Enum.GetValues<AccountStatus>().ToDictionary(s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()), StringComparer.Ordinal);

    public async Task<Microsoft.AspNetCore.Http.IResult> List(ApiRequest request)
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
            .OneOf("testAccounts", testAccounts, TestAccountModes);
        if (search is "")
        {
            check.Error("search", "Must not be empty.");
        }
        check.ThrowIfInvalid();
        Paging.PageSize(request);

        var caller = request.Caller;
        if (caller.IsImpersonation)
        {
            throw new ApiErrorException(ApiError.Forbidden("An impersonation token acts only inside its customer account."));
        }
        if (!caller.IsOperator)
        {
            partnerId = await partners.ResolveAsync(request, partnerId, "Only operators and partner members list customer accounts, and partners only their own.");
        }
        var partition = partnerId is null ? IndexTable.AllAccounts : IndexTable.PartnerCustomers(partnerId);

        // Each clause is built by CreateQueryFilter (values escaped); joining escaped clauses keeps the filter safe.
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Removed eq false") };
        if (statusText is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status eq {StatusNames[statusText].ToString()}"));
        }
        if (seller is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Seller eq {seller}"));
        }
        if (search is not null)
        {
            var end = Keys.PrefixEnd(search);
            clauses.Add(TableClient.CreateQueryFilter($"((NameLower ge {search} and NameLower lt {end}) or (RowKey ge {search} and RowKey lt {end}))"));
        }
        if (testAccounts != "include")
        {
            clauses.Add(TableClient.CreateQueryFilter($"IsTestAccount eq {testAccounts == "only"}"));
        }
        var filter = string.Join(" and ", clauses);

        var scope = Paging.Scope(request, partition, statusText, seller, search, testAccounts);
        var (rows, token) = await paging.QueryAsync(index.Table, filter, request, scope);
        var items = rows.Select(row => AccountView.From(AccountRow.FromEntity(row, row.RowKey))).ToList();
        return ApiResponse.Ok(new AccountPage(items, token));
    }
}
