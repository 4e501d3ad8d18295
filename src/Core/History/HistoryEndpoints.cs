using System.Globalization;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.History;

/// <summary>One page of an account's history, newest first.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryEvent> Items, string? ContinuationToken);

/// <summary>Reads an account's history: newest first, by type and time window, as JSON or CSV.</summary>
public sealed class HistoryEndpoints(AccountStore accounts, Paging paging)
{
    public const string ContinuationHeader = "Continuation-Token";

    public static readonly IReadOnlyList<string> QueryParameters = ["type", "from", "to", "pageSize", "continuationToken"];

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public async Task<Microsoft.AspNetCore.Http.IResult> List(ApiRequest request)
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
        check.ThrowIfInvalid();
        Paging.PageSize(request);

        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: false);

        // RowKeys hold inverted ticks, so later times sort first: "to" (exclusive) bounds from below, "from" (inclusive) from above.
        // A time key is followed by '|' in every RowKey, and '|' < '}', so "key}" sorts after every event at that instant.
        var lower = to is null ? HistoryEvent.Prefix : HistoryEvent.Prefix + HistoryEvent.TimeKey(to.Value) + "}";
        var upper = from is null ? Keys.PrefixEnd(HistoryEvent.Prefix) : HistoryEvent.Prefix + HistoryEvent.TimeKey(from.Value) + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {session.AccountId} and RowKey ge {lower} and RowKey lt {upper}");
        if (type is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Type eq {type}");
        }
        var scope = Paging.Scope(request, type, from?.UtcTicks.ToString(CultureInfo.InvariantCulture), to?.UtcTicks.ToString(CultureInfo.InvariantCulture));
        var (rows, token) = await paging.QueryAsync(session.Table, filter, request, scope);
        var events = rows.Select(HistoryEvent.FromEntity).ToList();

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
