using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// The counters of a list partition: row <c>counts</c> (per class: total, per status, per stage) and row
/// <c>sellers</c> (per folded seller: its spelling and its customers). Only live (not deleted) accounts count. A sync
/// changes them by the difference between the record's old entry and the new one, in the transaction that moves the
/// record, so a replayed or concurrent sync can never count an account twice.
/// </summary>
public static class ListCounters
{
    public sealed record SellerCount(string Seller, long Customers);

    public static IEnumerable<string> CountNames(ListEntry entry)
    {
        var cls = entry.IsTestAccount ? "Test" : "Live";
        return [cls + "Total", $"{cls}Status{entry.Status}", $"{cls}Stage{entry.Stage}"];
    }

    /// <summary>Applies <c>-old +new</c> to the counts row; false when nothing changed.</summary>
    public static bool ApplyCounts(TableEntity counts, ListEntry? old, ListEntry entry)
    {
        var delta = new Dictionary<string, long>(StringComparer.Ordinal);
        if (old is { IsLive: true })
        {
            foreach (var name in CountNames(old))
            {
                delta[name] = delta.GetValueOrDefault(name) - 1;
            }
        }
        if (entry.IsLive)
        {
            foreach (var name in CountNames(entry))
            {
                delta[name] = delta.GetValueOrDefault(name) + 1;
            }
        }
        var changed = false;
        foreach (var (name, by) in delta.Where(d => d.Value != 0))
        {
            counts[name] = (counts.GetInt64(name) ?? 0) + by;
            changed = true;
        }
        return changed;
    }

    public static Dictionary<string, SellerCount> ReadSellers(TableEntity? row) =>
        row is not null && LargeText.Read(row, "Sellers") is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, SellerCount>>(json) ?? []
            : new(StringComparer.Ordinal);

    /// <summary>Applies <c>-old +new</c> to the sellers row; false when nothing changed.</summary>
    public static bool ApplySellers(TableEntity row, ListEntry? old, ListEntry entry)
    {
        var before = Contribution(old);
        var after = Contribution(entry);
        if (before == after)
        {
            return false;
        }
        var sellers = ReadSellers(row);
        if (before is { } b && sellers.TryGetValue(b.Key, out var was))
        {
            if (was.Customers <= 1)
            {
                sellers.Remove(b.Key);
            }
            else
            {
                sellers[b.Key] = was with { Customers = was.Customers - 1 };
            }
        }
        if (after is { } a)
        {
            // The first spelling seen names the seller until it has no customers left.
            sellers[a.Key] = sellers.TryGetValue(a.Key, out var has) ? has with { Customers = has.Customers + 1 } : new SellerCount(a.Seller, 1);
        }
        // Stored in parts past 30,000 characters: a partner may have hundreds of sellers.
        LargeText.Write(row, "Sellers", JsonSerializer.Serialize(sellers));
        return true;
    }

    private static (string Key, string Seller)? Contribution(ListEntry? entry) =>
        entry is { IsLive: true, Seller: { } seller } && entry.SellerKey.Length > 0 ? (entry.SellerKey, seller) : null;
}
