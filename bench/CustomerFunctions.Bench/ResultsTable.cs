using System.Globalization;
using System.Text;

namespace CustomerFunctions.Bench;

/// <summary>The markdown table printed to stdout and written to bench/results.md.</summary>
public static class ResultsTable
{
    public static string Markdown(IEnumerable<OperationResult> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| operation | p50 ms | p99 ms | ops/s @1 | ops/s @16 | storage requests/op | raw p50 ms | API/raw | raw requests/op | n @1 / @16 |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            table.Append("| ").Append(r.Name)
                .Append(" | ").Append(F(r.P50))
                .Append(" | ").Append(F(r.P99))
                .Append(" | ").Append(F(r.OpsAt1))
                .Append(" | ").Append(r.OpsAt16 is { } ops ? F(ops) : "n/a")
                .Append(" | ").Append(F(r.RequestsPerOp))
                .Append(" | ").Append(F(r.RawP50))
                .Append(" | ").Append(r.Ratio.ToString("0.00", CultureInfo.InvariantCulture)).Append('x')
                .Append(" | ").Append(F(r.RawRequestsPerOp))
                .Append(" | ").Append(r.Samples.ToString(CultureInfo.InvariantCulture)).Append(" / ").Append(r.ConcurrentOps.ToString(CultureInfo.InvariantCulture))
                .AppendLine(" |");
        }
        return table.ToString();
    }

    /// <summary>Three significant figures at most, one decimal at least below 100.</summary>
    private static string F(double value) => value switch
    {
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
