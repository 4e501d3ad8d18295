using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.History;

/// <summary>History events as RFC 4180 CSV, safe to open in a spreadsheet.</summary>
public static class HistoryCsv
{
    private static readonly string[] Header = ["id", "type", "at", "actorUserId", "impersonatedBy", "details", "changes"];

    public static string Write(IEnumerable<HistoryEvent> events)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var e in events)
        {
            Line(csv,
            [
                e.Id,
                e.Type,
                e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                e.Actor.UserId,
                e.Actor.ImpersonatedBy,
                e.Details?.GetRawText(),
                e.Changes is null ? null : JsonSerializer.Serialize(e.Changes, Json.Options),
            ]);
        }
        return csv.ToString();
    }

    /// <summary>One cell: quoted when it holds a quote, comma or line break; a leading formula character is neutralised.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            // Spreadsheets run cells starting with these as formulas (CSV injection); a leading quote makes them text.
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder csv, IEnumerable<string?> cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
