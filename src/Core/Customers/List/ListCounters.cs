using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// A counter shard of a list partition: per class (<c>Live</c>, <c>Test</c>) the total, per status and per stage, and
/// in a partner's partition its sellers (folded seller to spelling and customers). Only accounts not deleted count. A
/// sync changes the account's one shard by the difference between its record's old columns and the new ones, in the
/// transaction that moves the record, so a replayed or concurrent sync never counts an account twice.
/// A shard whose sellers would pass <see cref="MaxSellersLength"/> (many thousands of distinct sellers) stops keeping
/// them and is marked <c>SellersOverflowed</c>, inside Azure's 1 MiB per entity; the sellers are then read from the
/// partner's records instead.
/// </summary>
public static class ListCounters
{
    public sealed record SellerCount(string Seller, long Customers);

    /// <summary>About 800 KB of UTF-16: a shard stays well inside Azure's 1 MiB per entity.</summary>
    public const int MaxSellersLength = 400_000;

    private const string SellersOverflowed = "SellersOverflowed";

    /// <summary>Whether the shards hold every seller (none overflowed).</summary>
    public static bool KeepSellers(IEnumerable<TableEntity> shards) => shards.All(s => s.GetBoolean(SellersOverflowed) != true);

    /// <summary>What an account adds to the counters: nothing when deleted.</summary>
    public sealed record Contribution(bool IsTestAccount, AccountStatus Status, AccountStage Stage, string SellerKey, string? Seller)
    {
        public static Contribution? Of(ListEntry? entry) =>
            entry is { IsLive: true } ? new(entry.IsTestAccount, entry.Status, entry.Stage, entry.SellerKey, entry.Seller) : null;

        public IEnumerable<string> Names()
        {
            var cls = IsTestAccount ? "Test" : "Live";
            return [cls + "Total", $"{cls}Status{Status}", $"{cls}Stage{Stage}"];
        }
    }

    /// <summary>Applies <c>-old +new</c> to the shard; false when nothing changed.</summary>
    public static bool Apply(TableEntity shard, Contribution? old, Contribution? next, bool withSellers)
    {
        if (old == next)
        {
            return false;
        }
        foreach (var name in old?.Names() ?? [])
        {
            shard[name] = (shard.GetInt64(name) ?? 0) - 1;
        }
        foreach (var name in next?.Names() ?? [])
        {
            shard[name] = (shard.GetInt64(name) ?? 0) + 1;
        }
        if (withSellers && shard.GetBoolean(SellersOverflowed) != true && (old?.SellerKey, old?.Seller) != (next?.SellerKey, next?.Seller))
        {
            var sellers = ReadSellers(shard);
            if (old is { Seller: not null } o && sellers.TryGetValue(o.SellerKey, out var was))
            {
                if (was.Customers <= 1)
                {
                    sellers.Remove(o.SellerKey);
                }
                else
                {
                    sellers[o.SellerKey] = was with { Customers = was.Customers - 1 };
                }
            }
            if (next is { Seller: { } seller } n && n.SellerKey.Length > 0)
            {
                // The first spelling seen names the seller (per shard) until it has no customers left there.
                sellers[n.SellerKey] = sellers.TryGetValue(n.SellerKey, out var has) ? has with { Customers = has.Customers + 1 } : new SellerCount(seller, 1);
            }
            // Stored in parts past 30,000 characters: a partner may have hundreds of sellers.
            var json = JsonSerializer.Serialize(sellers);
            if (json.Length > MaxSellersLength)
            {
                shard[SellersOverflowed] = true;
                json = "{}";
            }
            LargeText.Write(shard, "Sellers", json);
        }
        return true;
    }

    public static Dictionary<string, SellerCount> ReadSellers(TableEntity? row) =>
        row is not null && LargeText.Read(row, "Sellers") is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, SellerCount>>(json) ?? new(StringComparer.Ordinal)
            : new(StringComparer.Ordinal);

    /// <summary>The sellers of live <paramref name="entries"/>, each under its ordinally first spelling.</summary>
    public static List<SellerCount> SumSellers(IEnumerable<ListEntry> entries) =>
        [.. entries.Where(e => e is { IsLive: true, Seller: not null, SellerKey.Length: > 0 })
            .GroupBy(e => e.SellerKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SellerCount(g.Select(e => e.Seller!).Min(StringComparer.Ordinal)!, g.LongCount()))];

    /// <summary>The shards summed: one seller per folded key, under its ordinally first spelling among the shards (so "Kim" over "kim").</summary>
    public static List<SellerCount> SumSellers(IEnumerable<TableEntity> shards)
    {
        var sum = new SortedDictionary<string, SellerCount>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            foreach (var (key, count) in ReadSellers(shard))
            {
                sum[key] = sum.TryGetValue(key, out var has)
                    ? new SellerCount(string.CompareOrdinal(has.Seller, count.Seller) <= 0 ? has.Seller : count.Seller, has.Customers + count.Customers)
                    : count;
            }
        }
        return [.. sum.Values];
    }
}
