using Azure.Data.Tables;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// The keys of a customer-list partition (<c>list|accounts</c>, <c>list|partner|{id}</c> in table CustomerList):
/// <list type="bullet">
/// <item><c>o|{view}|{sort}|{position}</c>: an account in one view (class, or class and status, stage or seller) and one
/// order, its columns copied in, so a page is one range read;</item>
/// <item><c>t|{class}|{term}{id}</c>: an account under one search term;</item>
/// <item><c>r|{id}</c>: the account's record (version, the <see cref="ListEntry"/> its rows stand for);</item>
/// <item><c>counts</c>, <c>sellers</c>: the partition's counters, changed in the same transactions as the records.</item>
/// </list>
/// </summary>
public static class ListRows
{
    public const string CountsKey = "counts";
    public const string SellersKey = "sellers";

    public static string Partition(string? partnerId) => partnerId is null ? "list|accounts" : "list|partner|" + partnerId;

    public static string RecordKey(string id) => "r|" + id;

    public static string OrderPrefix(string view, ListSort sort) => $"o|{view}|{sort.Token}|";

    public static string TermPrefix(string cls, string foldedSearch) => $"t|{cls}|{ListText.PrefixKey(foldedSearch)}";

    /// <summary>Every row the entry stands in, keyed by RowKey, each carrying the account's columns.</summary>
    public static Dictionary<string, TableEntity> For(ListEntry entry, Account account, string partition)
    {
        var columns = AccountRow.Properties(account);
        columns["SellerKey"] = entry.SellerKey;
        var keys = Keys(entry);
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var row = new TableEntity(partition, key) { ["AccountId"] = account.Id };
            foreach (var (name, value) in columns)
            {
                row[name] = value;
            }
            rows[key] = row;
        }
        return rows;
    }

    public static HashSet<string> Keys(ListEntry entry)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in entry.Views())
        {
            foreach (var sort in ListSort.All)
            {
                keys.Add(OrderPrefix(view, sort) + sort.Position(entry));
            }
        }
        foreach (var term in entry.Terms)
        {
            keys.Add($"t|{entry.Class}|{ListText.Key(term, descending: false)}{entry.Id}");
        }
        return keys;
    }

    public static Account Read(TableEntity row) => AccountRow.Read(row, row.GetString("AccountId") ?? "");
}
