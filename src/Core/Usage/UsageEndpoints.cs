using System.Globalization;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Usage;

/// <summary>The metering feed's intake and the usage report.</summary>
public sealed class UsageEndpoints(UsageStore usage, UsageReports reports)
{
    public const int MaxRecordsPerRequest = 1000;

    /// <summary>Idempotent per record id: a replayed record overwrites itself, so retrying a whole batch is always safe.</summary>
    public async Task<Answer<ApiResponse, Invalid>> Record(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<RecordUsageBody>();
        if (UsageValidation.Check(body, out var records) is { } invalid)
        {
            return invalid;
        }
        await usage.WriteAsync(session.AccountId, records, session.Now, request.Aborted);
        return ApiResponse.Ok(new RecordUsageResult(records.Count));
    }

    public async Task<Answer<ApiResponse, TextResponse, Invalid>> Report(AccountSession session, ApiRequest request)
    {
        if (UsagePeriod.FromQuery(request, session.Now, out var period) is { } invalid)
        {
            return invalid;
        }
        var groupBy = request.Query("groupBy") ?? UsageGrouping.Project;
        if (!UsageGrouping.All.Contains(groupBy))
        {
            return Invalid.Field("groupBy", $"Must be one of: {string.Join(", ", UsageGrouping.All)}.");
        }
        var report = await reports.BuildAsync(session.AccountId, period, groupBy, request.Aborted);
        if (groupBy == UsageGrouping.Project)
        {
            var names = await ProjectNames.ForAsync(session, [.. report.Items.Select(i => i.ProjectId!).Distinct()]);
            report = report with { Items = [.. report.Items.Select(i => i with { ProjectName = names.GetValueOrDefault(i.ProjectId!) })] };
        }
        if (request.AcceptsCsv)
        {
            var fileName = $"usage-{session.AccountId}-{period.From.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{period.To.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
            return new TextResponse("text/csv; charset=utf-8", report.ToCsv(), fileName);
        }
        return ApiResponse.Ok(report);
    }
}
