using Azure.Data.Tables;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Usage;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Usage;

public sealed class RecordingUsage(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private Task<TenantScene> Scene() => TenantScene.Build(f, op, MemberRole.PartnerEmployee);

    private static object Record(string id, string projectId = "web", string product = "compute", decimal quantity = 1, string unit = "hours", string from = "2026-11-02T00:00:00Z", string to = "2026-11-02T01:00:00Z") =>
        new { id, projectId, product, metric = "vcpu", quantity, unit, from, to };

    [Fact]
    public async Task ManagersRecord_CustomerMembersCannot_StrangersGet404()
    {
        var s = await Scene();
        var batch = new { records = new[] { Record("r-1") } };
        Assert.Equal(1, (await f.As(op).Post($"/api/customers/{s.Customer}/usage", batch)).Is(200).Json.GetProperty("recorded").GetInt32());
        (await f.As(s.PartnerStaff).Post($"/api/customers/{s.Customer}/usage", new { records = new[] { Record("r-2") } })).Is(200);
        (await f.As(s.Admin).Post($"/api/customers/{s.Customer}/usage", batch)).IsProblem(403);
        (await f.As(s.Employee).Post($"/api/customers/{s.Customer}/usage", batch)).IsProblem(403);
        (await f.As(s.Stranger).Post($"/api/customers/{s.Customer}/usage", batch)).IsProblem(404);
        (await f.As(op).Post("/api/customers/no-such-account/usage", batch)).IsProblem(404);
        (await f.Anonymous.Post($"/api/customers/{s.Customer}/usage", batch)).IsProblem(401);
    }

    [Fact]
    public async Task RecordsLandInTheirAccountsMonthPartition_KeyedByRecordId()
    {
        var s = await Scene();
        (await f.As(op).Post($"/api/customers/{s.Customer}/usage", new
        {
            records = new[]
            {
                Record("oct-end", from: "2026-10-31T23:00:00Z", to: "2026-11-01T00:00:00Z"),
                Record("nov-start", from: "2026-11-01T00:00:00Z", to: "2026-11-01T01:00:00Z"),
            },
        })).Is(200);
        var table = f.StorageClients.TableService.GetTableClient(UsageStore.TableName);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>($"{s.Customer}|2026-10", "oct-end")).HasValue);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>($"{s.Customer}|2026-11", "nov-start")).HasValue);
    }

    [Fact]
    public async Task InvalidRecords_Are400_WithErrorsKeyedByRecordAndField_AndNothingIsWritten()
    {
        var s = await Scene();
        var reply = (await f.As(op).Post($"/api/customers/{s.Customer}/usage", new
        {
            records = new object[]
            {
                Record("fine"),
                new { id = "neg", projectId = "web", product = "compute", metric = "vcpu", quantity = -1, unit = "hours", from = "2026-11-02T00:00:00Z", to = "2026-11-02T01:00:00Z" },
                new { projectId = "web", product = "compute", metric = "vcpu", quantity = 1, unit = "hours", from = "2026-11-02T00:00:00Z", to = "2026-11-02T01:00:00Z" },
                Record("backwards", from: "2026-11-02T02:00:00Z", to: "2026-11-02T01:00:00Z"),
                Record("fine"),
                Record("bad/id"),
                Record("bad-project", projectId: "Not A Project"),
                new { id = "no-unit", projectId = "web", product = "compute", metric = "vcpu", quantity = 1, from = "2026-11-02T00:00:00Z", to = "2026-11-02T01:00:00Z" },
            },
        })).IsProblem(400, "validation");
        var errors = reply.Json.GetProperty("errors");
        foreach (var field in new[] { "records[1].quantity", "records[2].id", "records[3].to", "records[4].id", "records[5].id", "records[6].projectId", "records[7].unit" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {reply.Text}");
        }
        Assert.False(errors.TryGetProperty("records[0].id", out _));
        var report = (await f.As(op).Get($"/api/customers/{s.Customer}/usage-report?from=2026-11-01&to=2026-12-01")).Is(200);
        Assert.Empty(report.Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task WrongTypes_EmptyAndOversizedBatches_Are400()
    {
        var s = await Scene();
        var path = $"/api/customers/{s.Customer}/usage";
        var wrongType = (await f.As(op).Post(path, new { records = new object[] { Record("a"), new { id = "b", projectId = "web", product = "p", metric = "m", quantity = "lots", unit = "u", from = "2026-11-02T00:00:00Z", to = "2026-11-02T01:00:00Z" } } })).IsProblem(400);
        Assert.True(wrongType.Json.GetProperty("errors").TryGetProperty("records[1].quantity", out _), wrongType.Text);
        (await f.As(op).Post(path, new { records = Array.Empty<object>() })).IsProblem(400);
        (await f.As(op).Post(path, new { })).IsProblem(400);
        (await f.As(op).Post(path, new { records = new[] { Record("x") }, extra = 1 })).IsProblem(400);
        var tooMany = Enumerable.Range(0, UsageEndpoints.MaxRecordsPerRequest + 1).Select(i => Record($"r{i}")).ToArray();
        Assert.True((await f.As(op).Post(path, new { records = tooMany })).IsProblem(400).Json.GetProperty("errors").TryGetProperty("records", out _));
    }

    [Fact]
    public async Task AFullBatchOf1000_SpanningMonths_IsRecordedInChunks()
    {
        var s = await Scene();
        var start = new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero);
        var records = Enumerable.Range(0, UsageEndpoints.MaxRecordsPerRequest)
            .Select(i => Record($"bulk-{i}", projectId: i % 2 == 0 ? "even" : "odd", quantity: 0.5m,
                from: start.AddHours(i).ToString("O"), to: start.AddHours(i + 1).ToString("O")))
            .ToArray();
        (await f.As(op).Post($"/api/customers/{s.Customer}/usage", new { records })).Is(200);

        var report = (await f.As(op).Get($"/api/customers/{s.Customer}/usage-report?from=2026-09-01&to=2027-01-01")).Is(200);
        var items = report.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(250m, i.GetProperty("quantity").GetDecimal()));
        Assert.All(items, i => Assert.Equal(500, i.GetProperty("records").GetInt32()));
    }
}
