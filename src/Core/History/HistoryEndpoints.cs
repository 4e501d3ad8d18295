using System.Globalization;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.History;

/// <summary>Reads an account's history: newest first, by type and time window, as JSON or CSV.</summary>
public sealed class HistoryEndpoints(Paging paging)
{
    public const string ContinuationHeader = "Continuation-Token";

    public static readonly IReadOnlyList<string> QueryParameters = ["type", "from", "to", "pageSize", "continuationToken"];

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public async Task<Answer<ApiResponse, TextResponse, Invalid>> List(AccountSession session, ApiRequest request)
    {
        var type = request.Query("type");
        var fromText = request.Query("from");
        var toText = request.Query("to");
        var check = new Validator().OneOf("type", type, KnownEventTypes.All.Order(StringComparer.Ordinal).ToList());
        var from = Time(check, "from", fromText);
        var to = Time(check, "to", toText);
        if (from is not null && to is not null && from >= to)
        {
            check.Error("to", "Must be later than from.");
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        Paging.PageSize(request);

        var (start, end) = HistoryEventRow.Window(from, to);
        var scope = new[] { type, from?.UtcTicks.ToString(CultureInfo.InvariantCulture), to?.UtcTicks.ToString(CultureInfo.InvariantCulture) };
        var (events, token) = await session.PageBetweenAsync(AccountPartition.Events, paging, start, end, type is null ? null : (FormattableString)$"Type eq {type}", scope);

        if (request.AcceptsCsv)
        {
            return new TextResponse("text/csv; charset=utf-8", HistoryCsv.Write(events), $"history-{session.AccountId}.csv")
            {
                Headers = token is null ? null : new Dictionary<string, string> { [ContinuationHeader] = token },
            };
        }
        return ApiResponse.Ok(new HistoryPage(events, token));
    }

    private static DateTimeOffset? Time(Validator check, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        check.Error(field, "Use an ISO 8601 time such as 2026-11-02T09:00:00Z (or a date).");
        return null;
    }
}
