using System.Globalization;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Usage;

/// <summary>A report period [From, To) and the month partitions it touches.</summary>
public sealed record UsagePeriod(DateTimeOffset From, DateTimeOffset To)
{
    public const int MaxMonths = 36;

    /// <summary>
    /// Reads <c>from</c> and <c>to</c> (ISO 8601, UTC when no offset is given); both default to the current calendar
    /// month. Null when they make a valid period (<paramref name="period"/>), else what is wrong with them.
    /// </summary>
    public static Invalid? FromQuery(ApiRequest request, DateTimeOffset now, out UsagePeriod period)
    {
        var check = new Validator();
        var from = Parse(check, "from", request.Query("from")) ?? MonthStart(now);
        var to = Parse(check, "to", request.Query("to")) ?? from.AddMonths(1);
        period = new UsagePeriod(from, to);
        if (!check.IsValid)
        {
            return check.Failure;
        }
        if (to <= from)
        {
            check.Error("to", "Must be after from.");
        }
        if (check.IsValid && period.Months().Count() > MaxMonths)
        {
            check.Error("to", $"A report covers at most {MaxMonths} months.");
        }
        return check.Failure;
    }

    /// <summary>The first instant (UTC) of the calendar month <paramref name="at"/> falls in.</summary>
    public static DateTimeOffset MonthStart(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant of every month that [From, To) overlaps.</summary>
    public IEnumerable<DateTimeOffset> Months()
    {
        var last = To.AddTicks(-1).UtcDateTime;
        for (var month = MonthStart(From);
             month.UtcDateTime <= last;
             month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    private static DateTimeOffset? Parse(Validator check, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            && value.Year is >= 2000 and < 2100)
        {
            return value;
        }
        check.Error(field, "Use an ISO 8601 date or time between 2000 and 2100, e.g. 2026-11-01 or 2026-11-01T00:00:00Z.");
        return null;
    }
}
