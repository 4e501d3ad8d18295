namespace CustomerFunctions.Core.Usage;

/// <summary>
/// Sums usage over a period, month by month in parallel: a month the period covers whole is read from its rollup
/// shards (one query, whatever its size); a month cut by the period, recorded before rollups existed, holding a
/// record that ends after it, or with more distinct groups than a shard keeps, from its records (one single-partition query per 1,000, reading only the summed columns).
/// </summary>
public sealed class UsageReports(UsageStore usage)
{
    public async Task<UsageReport> BuildAsync(string accountId, UsagePeriod period, string groupBy, CancellationToken cancellationToken)
    {
        var months = await Task.WhenAll(period.Months().Select(month => SumMonthAsync(accountId, month, period, groupBy, cancellationToken)));
        var items = months.SelectMany(totals => totals)
            .GroupBy(t => t.Key)
            .Select(g => (Key: g.Key, Quantity: g.Sum(t => t.Value.Quantity), Records: g.Sum(t => t.Value.Records)))
            .OrderBy(t => t.Key.Name, StringComparer.Ordinal).ThenBy(t => t.Key.Unit, StringComparer.Ordinal)
            .Select(t => groupBy == UsageGrouping.Project
                ? new UsageReportItem(t.Key.Name, null, t.Key.Unit, t.Quantity, t.Records)
                : new UsageReportItem(null, t.Key.Name, t.Key.Unit, t.Quantity, t.Records))
            .ToList();
        return new UsageReport(period.From, period.To, groupBy, items);
    }

    private async Task<Dictionary<(string Name, string Unit), (decimal Quantity, int Records)>> SumMonthAsync(
        string accountId, DateTimeOffset month, UsagePeriod period, string groupBy, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<(string Name, string Unit), (decimal Quantity, int Records)>();
        if (month >= period.From && month.AddMonths(1) <= period.To)
        {
            var shards = await usage.RollupShardsAsync(UsageRecordRow.PartitionKey(accountId, month), cancellationToken);
            if (UsageRollup.Usable(shards))
            {
                foreach (var (group, total) in shards.SelectMany(UsageRollup.Read))
                {
                    var (projectId, product, unit) = UsageRollup.Split(group);
                    var key = (groupBy == UsageGrouping.Project ? projectId : product, unit);
                    totals[key] = totals.TryGetValue(key, out var sum) ? (sum.Quantity + total.Quantity, sum.Records + total.Records) : (total.Quantity, total.Records);
                }
                return totals;
            }
        }
        await foreach (var record in usage.AmountsAsync(accountId, month, period, cancellationToken))
        {
            var key = (groupBy == UsageGrouping.Project ? record.ProjectId : record.Product, record.Unit);
            totals[key] = totals.TryGetValue(key, out var sum) ? (sum.Quantity + record.Quantity, sum.Records + 1) : (record.Quantity, 1);
        }
        return totals;
    }
}
