using Azure.Data.Tables;
using CustomerFunctions.Core.Customers.List;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Bench.Operations;

/// <summary>
/// One customer-list call (a page of 50 in some sort, with a search or filters, or the counts) by a partner admin of a
/// partner of a given size. The raw baseline is the caller's reads and one page of the list's range (or the counter
/// shards): the list's fewest possible requests, so API/raw shows what reading on for a filter adds.
/// </summary>
public sealed class ListPage(Scenario s, ListPartner partner, string label, string query) : Operation(s)
{
    private string token = "";

    public override string Name => $"list: {label} ({partner.Customers:N0} customers)";

    public override string RawDescription => "partner profile + caller's partner member row (parallel point reads); one page of 51 rows of the list partition";

    public override int Warmup => Math.Min(Sizes.Warmup, 5);
    public override int Iterations => Math.Min(Sizes.Iterations, 30);

    // One client only: the list is a read, and the ratio between sizes is the figure.
    public override int PerClient => 0;

    public override async Task SetupAsync()
    {
        await partner.SeedAsync();
        token = Host.Token(partner.Admin);
    }

    public override Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count) =>
        Task.FromResult(Repeat(count, async () =>
        {
            var page = await Host.Api.GetAsync(query.StartsWith("counts", StringComparison.Ordinal) ? "/api/customers/counts" : $"/api/customers?partnerId={partner.Id}&{query}", token);
            // A rare filter over 200 customers may end the list on the first page; a page is never empty here.
            if (!query.StartsWith("counts", StringComparison.Ordinal) && page.StartsWith("{\"items\":[]", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Expected customers for {query}.");
            }
        }));

    public override Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count) =>
        Task.FromResult(Repeat(count, async () =>
        {
            await Raw.OpenAsync(partner.Id, partner.Admin);
            var partition = ListRows.Partition(partner.Id);
            var prefix = query.StartsWith("counts", StringComparison.Ordinal) ? ListRows.CounterPrefix : "o|name|";
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {Keys.PrefixEnd(prefix)}");
            await RawCalls.QueryPageAsync(Raw.Storage.TableService.GetTableClient(CustomerListIndex.TableName), filter, 51);
        }));
}
