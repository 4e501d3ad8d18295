using System.Globalization;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// Answers the customer list from the rows <see cref="CustomerListIndex"/> keeps. Without a search a page reads the
/// asked order's key range (for a reversed stage or status, the ascending rows one value at a time, last value
/// first), with the filters as a storage filter on the rows' columns, until the page is full or the list ends. The
/// continuation token is the last position given out, so the next page starts right after it. A search reads the
/// rows under its terms, then filters and orders them in memory.
/// </summary>
public sealed class CustomerListReader(CustomerListIndex list, Paging paging)
{
    /// <summary>
    /// Storage requests one page may spend on filtered ranges before it answers with what it has: a short page (never
    /// an empty one: while nothing is found it reads on). docs/benchmark.md says what this costs.
    /// </summary>
    public const int MaxRequestsPerPage = 8;

    public async Task<(List<Account> Items, string? ContinuationToken)> PageAsync(ListQuery query, ApiRequest request)
    {
        var partition = ListRows.Partition(query.PartnerId);
        var pageSize = Paging.PageSize(request);
        var scope = Paging.Scope(request, partition, query.Describe());
        var after = paging.Open(request.Query("continuationToken"), scope);
        var (items, next) = query.Search is null
            ? await OrderedAsync(partition, query, after, pageSize, request.Aborted)
            : await SearchedAsync(partition, query, after, pageSize, request.Aborted);
        return (items, paging.Seal(next, scope));
    }

    /// <summary>
    /// The ranges to read, in page order, each a key prefix: the order's rows, or for a lifecycle order one range per
    /// value (only the values a filter on that column admits).
    /// </summary>
    private static List<string> Sources(ListQuery query)
    {
        var sort = query.Sort;
        if (sort is { Column: "id", Descending: false })
        {
            return [ListRows.RecordPrefix];
        }
        if (sort.IsLifecycle)
        {
            var ascending = sort with { Descending = false };
            var values = sort.Column == "stage"
                ? Enum.GetValues<AccountStage>().Where(s => query.Stages.Count == 0 || query.Stages.Contains(s)).Select(s => (int)s)
                : Enum.GetValues<AccountStatus>().Where(s => query.Statuses.Count == 0 || query.Statuses.Contains(s)).Select(s => (int)s);
            var prefixes = values.Select(v => ListRows.OrderPrefix(ascending) + ascending.Group(v));
            return [.. sort.Descending ? prefixes.Reverse() : prefixes];
        }
        if (sort.Column == "seller" && query.SellerKey is { } seller)
        {
            // One seller's rows sit together in the seller order: read only them.
            var key = ListText.Key(seller, sort.Descending);
            return [ListRows.OrderPrefix(sort) + key];
        }
        return [ListRows.OrderPrefix(sort)];
    }

    /// <summary>The filters as a storage filter on the rows' columns (each value escaped by CreateQueryFilter).</summary>
    private static string Residual(ListQuery query)
    {
        var clauses = new List<string>();
        if (query.Statuses.Count > 0)
        {
            clauses.Add("(" + string.Join(" or ", query.Statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))) + ")");
        }
        if (query.Stages.Count > 0)
        {
            clauses.Add("(" + string.Join(" or ", query.Stages.Select(s => TableClient.CreateQueryFilter($"Stage eq {s.ToString()}"))) + ")");
        }
        if (query.SellerKey is { } seller)
        {
            clauses.Add(TableClient.CreateQueryFilter($"SellerKey eq {seller}"));
        }
        if (query.TestAccounts is { } test)
        {
            clauses.Add(TableClient.CreateQueryFilter($"IsTestAccount eq {test}"));
        }
        return string.Concat(clauses.Select(c => " and " + c));
    }

    /// <summary>
    /// Up to a page of rows after the token's position. The token is <c>{source}:{row key}</c>; the page reads on
    /// through the sources until it holds pageSize + 1 rows (the extra one says whether a next page exists).
    /// </summary>
    private async Task<(List<Account> Items, string? Next)> OrderedAsync(string partition, ListQuery query, string? after, int pageSize, CancellationToken cancellationToken)
    {
        var sources = Sources(query);
        var residual = Residual(query);
        var (source, from) = (0, (string?)null);
        if (after is not null)
        {
            var colon = after.IndexOf(':', StringComparison.Ordinal);
            source = int.Parse(after[..colon], CultureInfo.InvariantCulture);
            from = after[(colon + 1)..];
        }
        var found = new List<(int Source, TableEntity Row)>();
        var requests = 0;
        for (; source < sources.Count; source++, from = null)
        {
            var prefix = sources[source];
            var start = from is null ? TableClient.CreateQueryFilter($"RowKey ge {prefix}") : TableClient.CreateQueryFilter($"RowKey gt {from}");
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {Keys.PrefixEnd(prefix)}") + " and " + start + residual;
            string? continuation = null;
            do
            {
                var wanted = pageSize + 1 - found.Count;
                await foreach (var page in list.Table.QueryAsync<TableEntity>(filter, wanted, cancellationToken: cancellationToken).AsPages(continuation, wanted))
                {
                    requests++;
                    found.AddRange(page.Values.Take(wanted).Select(r => (source, r)));
                    continuation = page.ContinuationToken;
                    break;
                }
                if (found.Count > pageSize)
                {
                    var last = found[pageSize - 1];
                    return ([.. found.Take(pageSize).Select(f => ListRows.Read(f.Row))], Token(last.Source, last.Row.RowKey));
                }
            }
            while (continuation is not null && (requests < MaxRequestsPerPage || found.Count == 0));
            if (requests >= MaxRequestsPerPage && found.Count > 0 && (continuation is not null || source + 1 < sources.Count))
            {
                // The bound is spent with some rows found: a short page; the next goes on after its last row.
                return ([.. found.Select(f => ListRows.Read(f.Row))], Token(found[^1].Source, found[^1].Row.RowKey));
            }
        }
        return ([.. found.Select(f => ListRows.Read(f.Row))], null);
    }

    private static string Token(int source, string rowKey) => source.ToString(CultureInfo.InvariantCulture) + ":" + rowKey;

    /// <summary>
    /// Every account under a term the search text starts (per folding, when names and ids fold it differently),
    /// checked against the full terms, filtered and placed in the asked order; the token is the last position given.
    /// </summary>
    private async Task<(List<Account> Items, string? Next)> SearchedAsync(string partition, ListQuery query, string? after, int pageSize, CancellationToken cancellationToken)
    {
        string[] searches = [.. new[] { ListText.Fold(query.Search), ListText.Fold(query.Search, keepSymbols: true) }.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
        var reads = searches.Select(s => ListRows.TermPrefix(s)).Select(async prefix =>
        {
            var rows = new List<TableEntity>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {Keys.PrefixEnd(prefix)}");
            await foreach (var row in list.Table.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }
            return rows;
        });
        var matches = (await Task.WhenAll(reads)).SelectMany(r => r)
            .Select(ListRows.Read)
            .DistinctBy(a => a.Id)
            .Select(a => (Entry: ListEntry.From(a), Account: a))
            .Where(e => e.Entry.Matches(searches) && query.Admits(e.Entry))
            .Select(e => (Position: query.Sort.Position(e.Entry), e.Account))
            .Where(p => after is null || string.CompareOrdinal(p.Position, after) > 0)
            .OrderBy(p => p.Position, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();
        return matches.Count > pageSize
            ? ([.. matches.Take(pageSize).Select(m => m.Account)], matches[pageSize - 1].Position)
            : ([.. matches.Select(m => m.Account)], null);
    }

    /// <summary>The partition's counter shards: one query, whatever the list's size.</summary>
    public async Task<List<TableEntity>> CountersAsync(string? partnerId, CancellationToken cancellationToken)
    {
        var partition = ListRows.Partition(partnerId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {ListRows.CounterPrefix} and RowKey lt {Keys.PrefixEnd(ListRows.CounterPrefix)}");
        var shards = new List<TableEntity>();
        await foreach (var row in list.Table.QueryAsync<TableEntity>(filter, ListRows.Shards, cancellationToken: cancellationToken))
        {
            shards.Add(row);
        }
        return shards;
    }
}
