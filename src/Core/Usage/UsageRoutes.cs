using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Usage;

/// <summary>Usage records and report.</summary>
public static class UsageRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.For<UsageEndpoints>("RecordUsage", "POST", "customers/{id}/usage", (e, r) => e.Record(r))
            with { Summary = "Record usage from the metering feed (up to 1000 records; idempotent per record id)", Who = "operator; its partner", BodyType = typeof(RecordUsageBody), ResponseType = typeof(RecordUsageResult) },
        ApiRoute.For<UsageEndpoints>("GetUsageReport", "GET", "customers/{id}/usage-report", (e, r) => e.Report(r))
            with { Summary = "Usage totals per project or per product and unit over records whose period lies in [from, to); CSV with Accept: text/csv", Who = "operator; its partner; its customer admins", ResponseType = typeof(UsageReport), Query = ["from", "to", "groupBy"] },
    ];
}
