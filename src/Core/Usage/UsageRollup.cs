using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Usage;

/// <summary>
/// A rollup shard of a month partition (rows <c>~rollup|{0..7}</c>, beside the records): per project, product and
/// unit the summed quantity and the number of records, plus how many records end after the month (a report then reads
/// the records, since such a record may fall outside the asked period). A write changes one shard by the difference
/// between the records as they were and as they are, in the transaction that writes them: a replayed record adds
/// nothing, a corrected one only its difference, and the shard's ETag makes concurrent writers recount.
/// A shard whose totals would pass <see cref="MaxTotalsLength"/> (thousands of distinct groups) stops keeping them and
/// is marked <c>Overflowed</c>: Azure refuses an entity over 1 MiB, and reports of that month read the records instead.
/// </summary>
public static class UsageRollup
{
    public const string Prefix = "~rollup|";
    public const int Shards = 8;

    public sealed record Total(decimal Quantity, int Records);

    /// <summary>About 800 KB of UTF-16: a shard stays well inside Azure's 1 MiB per entity.</summary>
    public const int MaxTotalsLength = 400_000;

    public static string Key(int shard) => Prefix + shard;

    /// <summary>Whether a month can be summed from its shards alone: it has them, no record spills past it, none overflowed.</summary>
    public static bool Usable(IReadOnlyCollection<TableEntity> shards) =>
        shards.Count > 0 && shards.All(s => (s.GetInt64("Spills") ?? 0) == 0 && s.GetBoolean(Overflowed) != true);

    private const string Overflowed = "Overflowed";

    /// <summary>The (project, product, unit) a record counts under, as one map key.</summary>
    public static string Group(UsageRecord r) => string.Join('\u001f', r.ProjectId, r.Product, r.Unit);

    public static (string ProjectId, string Product, string Unit) Split(string group) => group.Split('\u001f') is [var p, var d, var u] ? (p, d, u) : ("", "", "");

    /// <summary>Whether the record ends after the month its period starts in.</summary>
    public static bool Spills(UsageRecord r) => r.To > UsagePeriod.MonthStart(r.From).AddMonths(1);

    public static Dictionary<string, Total> Read(TableEntity? shard) =>
        shard is not null && LargeText.Read(shard, "Totals") is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, Total>>(json) ?? new(StringComparer.Ordinal)
            : new(StringComparer.Ordinal);

    /// <summary>Applies <c>-old +new</c> for each record to <paramref name="shard"/>.</summary>
    public static void Apply(TableEntity shard, IEnumerable<(UsageRecord? Old, UsageRecord New)> changes)
    {
        if (shard.GetBoolean(Overflowed) == true)
        {
            return;
        }
        var totals = Read(shard);
        var spills = shard.GetInt64("Spills") ?? 0;
        foreach (var (old, next) in changes)
        {
            if (old is not null)
            {
                Add(totals, old, -1);
                spills -= Spills(old) ? 1 : 0;
            }
            Add(totals, next, +1);
            spills += Spills(next) ? 1 : 0;
        }
        shard["Spills"] = spills;
        var json = JsonSerializer.Serialize(totals);
        if (json.Length > MaxTotalsLength)
        {
            shard[Overflowed] = true;
            json = "{}";
        }
        LargeText.Write(shard, "Totals", json);
    }

    private static void Add(Dictionary<string, Total> totals, UsageRecord r, int sign)
    {
        var group = Group(r);
        // The quantity as storage keeps it (a double), so the rollup and a read of the records sum the same numbers.
        var quantity = (decimal)(double)r.Quantity * sign;
        var total = totals.TryGetValue(group, out var t) ? new Total(t.Quantity + quantity, t.Records + sign) : new Total(quantity, sign);
        if (total.Records == 0)
        {
            totals.Remove(group);
        }
        else
        {
            totals[group] = total;
        }
    }
}
