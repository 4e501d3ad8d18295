using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Usage;

public sealed class UsageReporting(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private static object Record(string id, string projectId, string product, decimal quantity, string unit, string from, string to) =>
        new { id, projectId, product, metric = product + "-usage", quantity, unit, from, to };

    /// <summary>October and November usage of two projects and two products, with a record across the month boundary.</summary>
    private static readonly object[] Batch =
    [
        Record("u1", "web", "compute", 10, "hours", "2026-10-05T00:00:00Z", "2026-10-05T10:00:00Z"),
        Record("u2", "web", "storage", 2.5m, "GB-months", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"),
        Record("u3", "data", "compute", 4, "hours", "2026-10-31T22:00:00Z", "2026-11-01T02:00:00Z"),
        Record("u4", "data", "compute", 6, "hours", "2026-11-01T00:00:00Z", "2026-11-01T06:00:00Z"),
        Record("u5", "web", "compute", 0.25m, "hours", "2026-11-15T00:00:00Z", "2026-11-15T00:15:00Z"),
        Record("u6", "web", "compute", 100, "hours", "2026-12-01T00:00:00Z", "2026-12-05T04:00:00Z"),
    ];

    private async Task<string> CustomerWithUsage()
    {
        var customer = await Seed.Customer(f, op);
        (await f.As(op).Post($"/api/customers/{customer}/usage", new { records = Batch })).Is(200);
        return customer;
    }

    private static Dictionary<string, decimal> Totals(Reply report, string key) =>
        report.Json.GetProperty("items").EnumerateArray().ToDictionary(
            i => i.GetProperty(key).GetString() + "/" + i.GetProperty("unit").GetString(), i => i.GetProperty("quantity").GetDecimal());

    [Fact]
    public async Task GroupedByProject_SumsPerProjectAndUnit_OverRecordsInsideThePeriod()
    {
        var customer = await CustomerWithUsage();
        var report = (await f.As(op).Get($"/api/customers/{customer}/usage-report?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=project")).Is(200);
        Assert.Equal("project", report.Str("groupBy"));
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), report.Json.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), report.Json.GetProperty("to").GetDateTimeOffset());
        Assert.Equal(new Dictionary<string, decimal> { ["data/hours"] = 10, ["web/GB-months"] = 2.5m, ["web/hours"] = 10.25m }, Totals(report, "projectId"));
    }

    [Fact]
    public async Task GroupedByProduct_SumsPerProductAndUnit()
    {
        var customer = await CustomerWithUsage();
        var report = (await f.As(op).Get($"/api/customers/{customer}/usage-report?from=2026-10-01&to=2026-12-01&groupBy=product")).Is(200);
        Assert.Equal(new Dictionary<string, decimal> { ["compute/hours"] = 20.25m, ["storage/GB-months"] = 2.5m }, Totals(report, "product"));
        var compute = report.Json.GetProperty("items").EnumerateArray().First(i => i.GetProperty("product").GetString() == "compute");
        Assert.Equal(4, compute.GetProperty("records").GetInt32());
        Assert.False(compute.TryGetProperty("projectId", out _));
    }

    [Fact]
    public async Task ReplayingTheSameBatch_LeavesTheTotalsUnchanged()
    {
        var customer = await CustomerWithUsage();
        var path = $"/api/customers/{customer}/usage-report?from=2026-10-01&to=2027-01-01&groupBy=product";
        var before = (await f.As(op).Get(path)).Is(200).Text;
        (await f.As(op).Post($"/api/customers/{customer}/usage", new { records = Batch })).Is(200);
        (await f.As(op).Post($"/api/customers/{customer}/usage", new { records = Batch.Take(3).ToArray() })).Is(200);
        Assert.Equal(before, (await f.As(op).Get(path)).Is(200).Text);
    }

    [Fact]
    public async Task ParallelReplays_CountEachRecordOnce()
    {
        var customer = await Seed.Customer(f, op);
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => f.As(op).Post($"/api/customers/{customer}/usage", new { records = Batch }))));
        Assert.All(replies, r => r.Is(200));
        var report = (await f.As(op).Get($"/api/customers/{customer}/usage-report?from=2026-10-01&to=2027-01-01&groupBy=product")).Is(200);
        Assert.Equal(new Dictionary<string, decimal> { ["compute/hours"] = 120.25m, ["storage/GB-months"] = 2.5m }, Totals(report, "product"));
    }

    [Fact]
    public async Task PeriodFilter_KeepsOnlyRecordsWhosePeriodLiesInside()
    {
        var customer = await CustomerWithUsage();
        // October alone: u3 starts in October but ends in November, so it belongs to neither month alone.
        var october = (await f.As(op).Get($"/api/customers/{customer}/usage-report?from=2026-10-01&to=2026-11-01&groupBy=project")).Is(200);
        Assert.Equal(new Dictionary<string, decimal> { ["web/GB-months"] = 2.5m, ["web/hours"] = 10 }, Totals(october, "projectId"));
        var november = (await f.As(op).Get($"/api/customers/{customer}/usage-report?from=2026-11-01&to=2026-12-01&groupBy=project")).Is(200);
        Assert.Equal(new Dictionary<string, decimal> { ["data/hours"] = 6, ["web/hours"] = 0.25m }, Totals(november, "projectId"));
        // A window across the month boundary reads both month partitions.
        var boundary = (await f.As(op).Get($"/api/customers/{customer}/usage-report?from=2026-10-31T00:00:00Z&to=2026-11-02T00:00:00Z")).Is(200);
        Assert.Equal(new Dictionary<string, decimal> { ["data/hours"] = 10 }, Totals(boundary, "projectId"));
        var empty = (await f.As(op).Get($"/api/customers/{customer}/usage-report?from=2025-01-01&to=2025-02-01")).Is(200);
        Assert.Empty(empty.Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task WithoutAPeriod_TheReportCoversTheCurrentMonth()
    {
        var customer = await CustomerWithUsage();
        var report = (await f.As(op).Get($"/api/customers/{customer}/usage-report")).Is(200);
        Assert.Equal(f.Time.GetUtcNow().Month, report.Json.GetProperty("from").GetDateTimeOffset().Month);
        Assert.Equal("project", report.Str("groupBy"));
        Assert.Equal(new Dictionary<string, decimal> { ["data/hours"] = 6, ["web/hours"] = 0.25m }, Totals(report, "projectId"));
    }

    [Fact]
    public async Task ProjectLines_CarryTheProjectsName_ADeletedOnesWithoutReadingTheHistory_AnUnknownOneNone()
    {
        var customer = await CustomerWithUsage();
        (await f.As(op).Post($"/api/customers/{customer}/projects", new { id = "web", name = "Web shop" })).Is(201);
        (await f.As(op).Post($"/api/customers/{customer}/projects", new { id = "data", name = "Data lake" })).Is(201);
        (await f.As(op).Delete($"/api/customers/{customer}/projects/data")).Is(204);
        // The name must not depend on the history: a long one would make every report read all of it.
        var deletion = Assert.Single(await Reliability.StorageRows.PartitionAsync(f, customer), r => r.GetString("Type") == "PROJECT_DELETED");
        await f.StorageClients.Accounts.DeleteEntityAsync(customer, deletion.RowKey);
        (await f.As(op).Post($"/api/customers/{customer}/usage", new { records = new[] { Record("u7", "gone", "compute", 1, "hours", "2026-11-02T00:00:00Z", "2026-11-02T01:00:00Z") } })).Is(200);

        var report = (await f.As(op).Get($"/api/customers/{customer}/usage-report?from=2026-10-01&to=2026-12-01&groupBy=project")).Is(200);
        var names = report.Json.GetProperty("items").EnumerateArray()
            .Select(i => (Id: i.GetProperty("projectId").GetString(), Name: i.TryGetProperty("projectName", out var n) ? n.GetString() : null))
            .Distinct().ToDictionary(x => x.Id!, x => x.Name);
        Assert.Equal(new Dictionary<string, string?> { ["data"] = "Data lake", ["gone"] = null, ["web"] = "Web shop" }, names);

        var csv = (await f.As(op).Get($"/api/customers/{customer}/usage-report?from=2026-10-01&to=2026-12-01&groupBy=project", accept: "text/csv")).Is(200).Text;
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("projectId,projectName,unit,quantity,records", lines[0]);
        Assert.Contains("data,Data lake,hours,10,2", lines);
        Assert.Contains("gone,,hours,1,1", lines);
    }

    [Fact]
    public async Task Csv_CarriesTheSameTotals()
    {
        var customer = await CustomerWithUsage();
        var reply = (await f.As(op).Get($"/api/customers/{customer}/usage-report?from=2026-10-01&to=2026-12-01&groupBy=product", accept: "text/csv")).Is(200);
        Assert.Equal("text/csv", reply.ContentHeaders.ContentType?.MediaType);
        Assert.Contains("attachment", reply.ContentHeaders.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var lines = reply.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["product,unit,quantity,records", "compute,hours,20.25,4", "storage,GB-months,2.5,1"], lines);
    }

    [Fact]
    public async Task Csv_QuotesCommasAndDefusesFormulas()
    {
        var customer = await Seed.Customer(f, op);
        (await f.As(op).Post($"/api/customers/{customer}/usage", new
        {
            records = new[]
            {
                Record("c1", "web", "=HYPERLINK(\"x\")", 1, "a,b", "2026-11-03T00:00:00Z", "2026-11-03T01:00:00Z"),
            },
        })).Is(200);
        var csv = (await f.As(op).Get($"/api/customers/{customer}/usage-report?groupBy=product", accept: "text/csv")).Is(200).Text;
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",1,1", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("from=2026-11-01&to=2026-10-01")]
    [InlineData("from=2026-11-01&to=2026-11-01")]
    [InlineData("groupBy=colour")]
    [InlineData("from=2020-01-01&to=2026-01-01")]
    [InlineData("from=1500-01-01")]
    public async Task BadQuery_Is400(string query)
    {
        var customer = await Seed.Customer(f, op);
        (await f.As(op).Get($"/api/customers/{customer}/usage-report?{query}")).IsProblem(400, "validation");
    }

    [Fact]
    public async Task WhoMayRead_OperatorPartnerAndCustomerAdmins_EmployeesGet403_StrangersGet404()
    {
        var (_, customer, pemp, admin, emp, stranger) = await TenantScene.Build(f, op, MemberRole.PartnerEmployee);
        var path = $"/api/customers/{customer}/usage-report";

        (await f.As(op).Get(path)).Is(200);
        (await f.As(pemp).Get(path)).Is(200);
        (await f.As(admin).Get(path)).Is(200);
        (await f.As(emp).Get(path)).IsProblem(403);
        (await f.As(stranger).Get(path)).IsProblem(404);
        (await f.As(stranger).Get(path, accept: "text/csv")).IsProblem(404);
        (await f.As(op).Get("/api/customers/no-such-account/usage-report")).IsProblem(404);
    }
}
