using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// <c>GET /api/partners/{partnerId}/sellers</c>: the distinct sellers of the partner's live customers, from its counter
/// shards (one query), or from its records when a shard had too many sellers to keep.
/// </summary>
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
        var shards = await list.CountersAsync(session.AccountId, request.Aborted);
        var sellers = ListCounters.KeepSellers(shards)
            ? ListCounters.SumSellers(shards)
            : ListCounters.SumSellers(await list.EntriesAsync(session.AccountId, request.Aborted));
        return ApiResponse.Ok(new SellerList([.. sellers.Select(s => new SellerView(s.Seller, s.Customers))]));
    }
}
