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
        var partitions = ListRows.Partitions(query.PartnerId);
        var pageSize = Paging.PageSize(request);
        var scope = Paging.Scope(request, query.Describe());
        var after = paging.Open(request.Query("continuationToken"), scope);
        var (items, next) = query.Search is null
            ? await OrderedAsync(partitions, query, after, pageSize, request.Aborted)
            : await SearchedAsync(partitions, query, after, pageSize, request.Aborted);
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
    /// through the sources until it holds pageSize + 1 rows (the extra one says whether a next page exists). The
    /// platform's list reads each range in its 8 partitions at once and merges them by key: a partition that stopped
    /// early (its request bound spent) caps what may be given out at its last row, so no row is ever skipped.
    /// </summary>
    private async Task<(List<Account> Items, string? Next)> OrderedAsync(IReadOnlyList<string> partitions, ListQuery query, string? after, int pageSize, CancellationToken cancellationToken)
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
        for (; source < sources.Count; source++, from = null)
        {
            var wanted = pageSize + 1 - found.Count;
            var reads = await Task.WhenAll(partitions.Select(p => RangeAsync(p, sources[source], from, residual, wanted, cancellationToken)));
            var rows = reads.SelectMany(r => r.Rows).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
            // A partition cut short bounds the merge: rows past its last one may still have to come before others.
            var cut = reads.Where(r => r.CutShort).Select(r => r.Rows[^1].RowKey).Min(StringComparer.Ordinal);
            if (cut is not null)
            {
                rows = [.. rows.Where(r => string.CompareOrdinal(r.RowKey, cut) <= 0)];
            }
            found.AddRange(rows.Take(wanted).Select(r => (source, r)));
            if (found.Count > pageSize)
            {
                var last = found[pageSize - 1];
                return ([.. found.Take(pageSize).Select(f => ListRows.Read(f.Row))], Token(last.Source, last.Row.RowKey));
            }
            if (cut is not null || (reads.Any(r => r.Spent) && found.Count > 0 && source + 1 < sources.Count))
            {
                // The bound is spent with some rows found: a short page; the next goes on after its last row.
                return ([.. found.Select(f => ListRows.Read(f.Row))], Token(found[^1].Source, found[^1].Row.RowKey));
            }
        }
        return ([.. found.Select(f => ListRows.Read(f.Row))], null);
    }

    /// <summary>
    /// Up to <paramref name="wanted"/> rows of one range of one partition after <paramref name="from"/>, reading on
    /// while the filter skips rows, for at most <see cref="MaxRequestsPerPage"/> requests unless nothing was found yet.
    /// CutShort: rows remain that were not read; Spent: the bound was reached.
    /// </summary>
    private async Task<(List<TableEntity> Rows, bool CutShort, bool Spent)> RangeAsync(string partition, string prefix, string? from, string residual, int wanted, CancellationToken cancellationToken)
    {
        var start = from is null ? TableClient.CreateQueryFilter($"RowKey ge {prefix}") : TableClient.CreateQueryFilter($"RowKey gt {from}");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {Keys.PrefixEnd(prefix)}") + " and " + start + residual;
        var rows = new List<TableEntity>();
        var requests = 0;
        string? continuation = null;
        do
        {
            await foreach (var page in list.Table.QueryAsync<TableEntity>(filter, wanted - rows.Count, cancellationToken: cancellationToken).AsPages(continuation, wanted - rows.Count))
            {
                requests++;
                rows.AddRange(page.Values.Take(wanted - rows.Count));
                continuation = page.ContinuationToken;
                break;
            }
            if (rows.Count >= wanted)
            {
                return (rows, false, requests >= MaxRequestsPerPage);
            }
        }
        while (continuation is not null && (requests < MaxRequestsPerPage || rows.Count == 0));
        return (rows, continuation is not null, requests >= MaxRequestsPerPage);
    }

    private static string Token(int source, string rowKey) => source.ToString(CultureInfo.InvariantCulture) + ":" + rowKey;

    /// <summary>
    /// Every account under a term the search text starts (per folding, when names and ids fold it differently),
    /// checked against the full terms, filtered and placed in the asked order; the token is the last position given.
    /// </summary>
    private async Task<(List<Account> Items, string? Next)> SearchedAsync(IReadOnlyList<string> partitions, ListQuery query, string? after, int pageSize, CancellationToken cancellationToken)
    {
        string[] searches = [.. new[] { ListText.Fold(query.Search), ListText.Fold(query.Search, keepSymbols: true) }.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
        var reads = searches.Select(s => ListRows.TermPrefix(s)).SelectMany(prefix => partitions.Select(partition => (partition, prefix))).Select(read =>
            list.Table.QueryAsync<TableEntity>(Keys.PrefixRange(read.partition, read.prefix), 1000, cancellationToken: cancellationToken).ToListAsync(cancellationToken).AsTask());
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

    /// <summary>
    /// The counter shards: one query, whatever the list's size (for the platform, one query over its 8 partitions'
    /// key range; Azure may split that at a partition boundary, so it is at most one request per partition).
    /// </summary>
    public async Task<List<TableEntity>> CountersAsync(string? partnerId, CancellationToken cancellationToken)
    {
        var counters = TableClient.CreateQueryFilter($"RowKey ge {ListRows.CounterPrefix} and RowKey lt {Keys.PrefixEnd(ListRows.CounterPrefix)}");
        var filter = (partnerId is null
            ? TableClient.CreateQueryFilter($"PartitionKey ge {ListRows.AllPrefix} and PartitionKey lt {Keys.PrefixEnd(ListRows.AllPrefix)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {ListRows.Partition(partnerId)}")) + " and " + counters;
        return await list.Table.QueryAsync<TableEntity>(filter, ListRows.Shards * ListRows.Shards, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
    }

    /// <summary>Every account in the partner's list, from its records (one request per 1,000).</summary>
    public async Task<List<ListEntry>> EntriesAsync(string partnerId, CancellationToken cancellationToken)
    {
        var rows = list.Table.QueryAsync<TableEntity>(Keys.PrefixRange(ListRows.Partition(partnerId), ListRows.RecordPrefix), cancellationToken: cancellationToken);
        return await rows.Select(row => ListEntry.From(ListRows.Read(row))).ToListAsync(cancellationToken);
    }
}
