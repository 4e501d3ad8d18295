using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Usage;

/// <summary>Usage records and report.</summary>
public static class UsageRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<UsageEndpoints>.For("RecordUsage", "POST", "customers/{id}/usage", Access.Writes(Allowed.Managers), (e, s, r) => e.Record(s, r))
            with { Summary = "Record usage from the metering feed (up to 1000 records; idempotent per record id)", BodyType = typeof(RecordUsageBody), ResponseType = typeof(RecordUsageResult) },
        Route<UsageEndpoints>.For("GetUsageReport", "GET", "customers/{id}/usage-report", Access.Reads(Allowed.Admins), (e, s, r) => e.Report(s, r))
            with { Summary = "Usage totals per project or per product and unit over records whose period lies in [from, to); CSV with Accept: text/csv", ResponseType = typeof(UsageReport), Query = ["from", "to", "groupBy"], Csv = true },
    ];
}
