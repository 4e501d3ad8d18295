using Azure.Data.Tables;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// The keys of a customer-list partition (table CustomerList; <c>all|{0..7}</c> for every account, spread by a hash of
/// its id, and <c>p|{partnerId}</c> for one partner's customers):
/// <list type="bullet">
/// <item><c>r|{id}</c>: the account's record (its columns, the version its rows stand for, their keys); also the
/// ascending id order;</item>
/// <item><c>o|{sort}|{position}</c>: the account in one stored order (<see cref="ListSort.Stored"/>);</item>
/// <item><c>t|{term}{id}</c>: the account under one search term;</item>
/// <item><c>c|{0..7}</c>: counter shards (counts, and a partner's sellers), summed at read.</item>
/// </list>
/// Every row but the counters carries the account's columns, so a page is read from one range.
/// </summary>
public static class ListRows
{
    /// <summary>Counter shards per partition: concurrent syncs of different accounts rarely touch the same one.</summary>
    public const int Shards = 8;

    public const string RecordPrefix = "r|";
    public const string CounterPrefix = "c|";

    public const string AllPrefix = "all|";

    /// <summary>The partner's partition; for null (every account) the first of the platform's shards, see <see cref="Partitions"/>.</summary>
    public static string Partition(string partnerId) => "p|" + partnerId;

    /// <summary>
    /// The partitions a list reads: the partner's, or the platform's 8 shards. Every account in one platform partition
    /// would make it the one partition every creation writes to, and it grows with the platform.
    /// </summary>
    public static IReadOnlyList<string> Partitions(string? partnerId) =>
        partnerId is null ? [.. Enumerable.Range(0, Shards).Select(i => AllPrefix + i)] : [Partition(partnerId)];

    /// <summary>The partitions an account stands in: its platform shard, and its partner's when it has one.</summary>
    public static IReadOnlyList<string> PartitionsOf(Account account) =>
        account.PartnerId is null ? [AllPrefix + Hash(account.Id) % Shards] : [AllPrefix + Hash(account.Id) % Shards, Partition(account.PartnerId)];

    public static bool IsPartner(string partition) => partition.StartsWith("p|", StringComparison.Ordinal);

    public static string RecordKey(string id) => RecordPrefix + id;

    public static string OrderPrefix(ListSort sort) => $"o|{sort.Token}|";

    public static string TermPrefix(string foldedSearch) => "t|" + ListText.PrefixKey(foldedSearch);

    /// <summary>The account's counter shard, by a stable hash of its id (string.GetHashCode changes per process).</summary>
    public static string CounterKey(string id) => CounterPrefix + (Hash(id) / Shards % Shards);

    /// <summary>FNV-1a: stable across processes (string.GetHashCode is not). Its low bits pick the platform partition, the next the counter shard.</summary>
    private static uint Hash(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }
        return hash;
    }

    /// <summary>Every row but the record the entry stands in, keyed by RowKey, each carrying the account's columns.</summary>
    public static Dictionary<string, TableEntity> For(ListEntry entry, Account account, string partition)
    {
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var key in Keys(entry))
        {
            rows[key] = WithColumns(new TableEntity(partition, key), entry, account);
        }
        return rows;
    }

    public static TableEntity WithColumns(TableEntity row, ListEntry entry, Account account)
    {
        foreach (var (name, value) in AccountRow.Properties(account))
        {
            row[name] = value;
        }
        row["AccountId"] = account.Id;
        row["SellerKey"] = entry.SellerKey;
        return row;
    }

    public static HashSet<string> Keys(ListEntry entry)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sort in ListSort.Stored)
        {
            keys.Add(OrderPrefix(sort) + sort.Position(entry));
        }
        foreach (var term in entry.Terms)
        {
            keys.Add("t|" + ListText.Key(term, descending: false) + entry.Id);
        }
        return keys;
    }

    public static Account Read(TableEntity row) => AccountRow.Read(row, row.GetString("AccountId") ?? "");
}
