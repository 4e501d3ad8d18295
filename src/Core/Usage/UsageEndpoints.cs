using System.Globalization;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Usage;

public sealed record UsageRecordBody(string? Id, string? ProjectId, string? Product, string? Metric, decimal? Quantity, string? Unit, DateTimeOffset? From, DateTimeOffset? To);

public sealed record RecordUsageBody(IReadOnlyList<UsageRecordBody?>? Records);

public sealed record RecordUsageResult(int Recorded);

/// <summary>The metering feed's intake and the usage report.</summary>
public sealed class UsageEndpoints(AccountStore accounts, UsageStore usage, UsageReports reports, TimeProvider time)
{
    public const int MaxRecordsPerRequest = 1000;

    /// <summary>Idempotent per record id: a replayed record overwrites itself, so retrying a whole batch is always safe.</summary>
    public async Task<Microsoft.AspNetCore.Http.IResult> Record(ApiRequest request)
    {
        var body = request.ReadBody<RecordUsageBody>();
        var records = UsageValidation.Check(body);
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Managers, writes: true);
        var now = time.GetUtcNow();
        await usage.WriteAsync(records.Select(r => r.ToEntity(session.AccountId, now)), request.Aborted);
        return ApiResponse.Ok(new RecordUsageResult(records.Count));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> Report(ApiRequest request)
    {
        var period = UsagePeriod.FromQuery(request, time.GetUtcNow());
        var groupBy = request.Query("groupBy") ?? UsageGrouping.Project;
        if (!UsageGrouping.All.Contains(groupBy))
        {
            throw new ApiErrorException(ApiError.Validation("groupBy", $"Must be one of: {string.Join(", ", UsageGrouping.All)}."));
        }
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: false);
        var report = await reports.BuildAsync(session.AccountId, period, groupBy, request.Aborted);
        if (request.AcceptsCsv)
        {
            var fileName = $"usage-{session.AccountId}-{period.From.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{period.To.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
            return new TextResponse("text/csv; charset=utf-8", report.ToCsv(), fileName);
        }
        return ApiResponse.Ok(report);
    }
}
