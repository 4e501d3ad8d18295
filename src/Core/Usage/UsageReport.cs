using System.Globalization;
using System.Text;

namespace CustomerFunctions.Core.Usage;

/// <summary>Usage totals over [From, To), one item per project or product and unit.</summary>
public sealed record UsageReport(DateTimeOffset From, DateTimeOffset To, string GroupBy, IReadOnlyList<UsageReportItem> Items)
{
    public string ToCsv()
    {
        var csv = new StringBuilder();
        var byProject = GroupBy == UsageGrouping.Project;
        csv.Append(byProject ? "projectId,projectName" : "product").Append(",unit,quantity,records\r\n");
        foreach (var item in Items)
        {
            csv.Append(Cell(item.ProjectId ?? item.Product ?? "")).Append(',');
            if (byProject)
            {
                csv.Append(Cell(item.ProjectName ?? "")).Append(',');
            }
            csv.Append(Cell(item.Unit)).Append(',')
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
