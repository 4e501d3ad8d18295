using Azure.Data.Tables;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// Answers the customer list from the rows <see cref="CustomerListIndex"/> keeps. A page without search reads one
/// range per source (a view in the asked order: class x the values of one filter), at most pageSize + 1 rows from each,
/// and merges them; the continuation token is the last position given out, so the next page starts right after it in
/// every source. Filters beyond the one a view answers are applied by storage within those ranges. A search reads the
/// accounts under its terms, then filters and orders them in memory.
/// </summary>
public sealed class CustomerListReader(CustomerListIndex list, Paging paging)
{
    public async Task<(List<Account> Items, string? ContinuationToken)> PageAsync(ListingQuery query, ApiRequest request)
    {
        var partition = ListRows.Partition(query.PartnerId);
        var pageSize = Paging.PageSize(request);
        var scope = Paging.Scope(request, partition, query.Describe());
        var after = paging.Open(request.Query("continuationToken"), scope) ?? "";
        var found = query.Search is null
            ? await OrderedAsync(partition, query, after, pageSize + 1, request.Aborted)
            : await SearchedAsync(partition, query, after, request.Aborted);
        var page = found.OrderBy(f => f.Position, StringComparer.Ordinal).Take(pageSize + 1).ToList();
        var more = page.Count > pageSize;
        page = page.Take(pageSize).ToList();
        return ([.. page.Select(p => p.Account)], more ? paging.Seal(page[^1].Position, scope) : null);
    }

    /// <summary>Up to <paramref name="take"/> rows of each source after position <paramref name="after"/>.</summary>
    private async Task<List<(string Position, Account Account)>> OrderedAsync(string partition, ListingQuery query, string after, int take, CancellationToken cancellationToken)
    {
        var (views, residual) = Sources(query);
        var reads = views.Select(view => ListRows.OrderPrefix(view, query.Sort)).Select(async prefix =>
        {
            var range = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {prefix + after} and RowKey lt {Keys.PrefixEnd(prefix)}");
            var rows = await ReadAsync(residual is null ? range : range + " and " + residual, take, cancellationToken);
            return rows.Select(r => (r.RowKey[prefix.Length..], ListRows.Read(r)));
        });
        return [.. (await Task.WhenAll(reads)).SelectMany(r => r)];
    }

    /// <summary>
    /// The views one read each answers: a seller's (the narrowest filter), else one per status, else one per stage,
    /// else the whole class; the other filters as a storage filter within them.
    /// </summary>
    private static (List<string> Views, string? Residual) Sources(ListingQuery query)
    {
        var residual = new List<string>();
        List<string> views;
        if (query.Seller is { } seller)
        {
            views = [.. query.Classes.Select(c => ListEntry.SellerView(c, ListText.Fold(seller)))];
            residual.AddRange([AnyOf("Status", query.Statuses), AnyOf("Stage", query.Stages)]);
        }
        else if (query.Statuses.Count > 0)
        {
            views = [.. query.Classes.SelectMany(c => query.Statuses.Select(s => ListEntry.StatusView(c, s)))];
            residual.Add(AnyOf("Stage", query.Stages));
        }
        else if (query.Stages.Count > 0)
        {
            views = [.. query.Classes.SelectMany(c => query.Stages.Select(s => ListEntry.StageView(c, s)))];
        }
        else
        {
            views = [.. query.Classes];
        }
        residual.RemoveAll(r => r.Length == 0);
        return (views, residual.Count == 0 ? null : string.Join(" and ", residual));
    }

    private static string AnyOf<T>(string column, IReadOnlyList<T> values) where T : struct, Enum =>
        // The column is ours (a constant), only the value is escaped.
        values.Count == 0 ? "" : "(" + string.Join(" or ", values.Select(v => column + " eq " + TableClient.CreateQueryFilter($"{v.ToString()}"))) + ")";

    /// <summary>
    /// Every account under a term the search text starts (per class, and per folding when names and ids fold it
    /// differently), checked against the full terms, filtered, placed in the asked order.
    /// </summary>
    private async Task<List<(string Position, Account Account)>> SearchedAsync(string partition, ListingQuery query, string after, CancellationToken cancellationToken)
    {
        string[] searches = [.. new[] { ListText.Fold(query.Search), ListText.Fold(query.Search, keepSymbols: true) }.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
        var reads = query.Classes.SelectMany(c => searches.Select(s => ListRows.TermPrefix(c, s))).Select(prefix =>
            ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}"), int.MaxValue, cancellationToken));
        var sellerKey = query.Seller is null ? null : ListText.Fold(query.Seller);
        return [.. (await Task.WhenAll(reads)).SelectMany(r => r)
            .Select(ListRows.Read)
            .DistinctBy(a => a.Id)
            .Select(a => (Entry: ListEntry.From(a), Account: a))
            .Where(e => e.Entry.Matches(searches)
                && (query.Statuses.Count == 0 || query.Statuses.Contains(e.Entry.Status))
                && (query.Stages.Count == 0 || query.Stages.Contains(e.Entry.Stage))
                && (sellerKey is null || e.Entry.SellerKey == sellerKey))
            .Select(e => (query.Sort.Position(e.Entry), e.Account))
            .Where(p => string.CompareOrdinal(p.Item1, after) > 0)];
    }

    /// <summary>Up to <paramref name="take"/> rows matching <paramref name="filter"/>, following storage's pages until there are enough.</summary>
    private async Task<List<TableEntity>> ReadAsync(string filter, int take, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var page in list.Table.QueryAsync<TableEntity>(filter, Math.Min(take, 1000), cancellationToken: cancellationToken).AsPages())
        {
            rows.AddRange(page.Values);
            if (rows.Count >= take || page.ContinuationToken is null)
            {
                break;
            }
        }
        return rows.Count > take ? rows[..take] : rows;
    }

    public async Task<TableEntity?> CountersAsync(string? partnerId, string key, CancellationToken cancellationToken)
    {
        var row = await list.Table.GetEntityIfExistsAsync<TableEntity>(ListRows.Partition(partnerId), key, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }
}
