using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace CustomerFunctions.Core.Usage;

public static class UsageGrouping
{
    public const string Project = "project";
    public const string Product = "product";
    public static readonly IReadOnlyList<string> All = [Project, Product];
}

/// <summary>One line of a report: a project's or a product's total in one unit (quantities of different units never mix).</summary>
public sealed record UsageReportItem(string? ProjectId, string? Product, string Unit, decimal Quantity, int Records);

public sealed record UsageReport(DateTimeOffset From, DateTimeOffset To, string GroupBy, IReadOnlyList<UsageReportItem> Items)
{
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(GroupBy == UsageGrouping.Project ? "projectId" : "product").Append(",unit,quantity,records\r\n");
        foreach (var item in Items)
        {
            csv.Append(Cell(item.ProjectId ?? item.Product ?? "")).Append(',')
                .Append(Cell(item.Unit)).Append(',')
                .Append(item.Quantity.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(item.Records.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>Quotes what needs quoting and defuses cells a spreadsheet would run as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

/// <summary>Sums usage over a period: one single-partition query per month, reading only the columns it sums.</summary>
public sealed class UsageReports(UsageStore usage)
{
    private static readonly string[] Columns = ["ProjectId", "Product", "Unit", "Quantity"];

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
        var partition = UsageRecord.PartitionKey(accountId, month);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and From ge {period.From} and To le {period.To}");
        var totals = new Dictionary<(string Name, string Unit), (decimal Quantity, int Records)>();
        await foreach (var row in usage.Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: Columns, cancellationToken: cancellationToken))
        {
            var key = (groupBy == UsageGrouping.Project ? row.GetString("ProjectId") ?? "" : row.GetString("Product") ?? "", row.GetString("Unit") ?? "");
            var quantity = (decimal)(row.GetDouble("Quantity") ?? 0);
            totals[key] = totals.TryGetValue(key, out var sum) ? (sum.Quantity + quantity, sum.Records + 1) : (quantity, 1);
        }
        return totals;
    }
}
