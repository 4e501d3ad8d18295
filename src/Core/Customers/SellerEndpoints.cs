using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers.List;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary><c>GET /api/partners/{partnerId}/sellers</c>: the distinct sellers of the partner's live customers, from one counters row.</summary>
public sealed class SellerEndpoints(CustomerListReader list)
{
    public sealed record SellerView(string Seller, long Customers);

    public sealed record SellerList(IReadOnlyList<SellerView> Items);

    public async Task<Answer<ApiResponse, NotFound>> List(AccountSession session, ApiRequest request)
    {
        if (session.Existing.Kind != AccountKind.Partner)
        {
            return new NotFound("The partner");
        }
        var row = await list.CountersAsync(session.AccountId, ListRows.SellersKey, request.Aborted);
        var sellers = ListCounters.ReadSellers(row)
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new SellerView(s.Value.Seller, s.Value.Customers));
        return ApiResponse.Ok(new SellerList([.. sellers]));
    }
}
