using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Projects;

public sealed class CreatingProjects(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task CustomerAdmin_CreatesProject_WithLocation_CountedOnTheAccount_AndRecorded()
    {
        var s = await ProjectScene.Build(f, op);
        var created = (await f.As(s.Admin).Post(s.Projects, new { id = "web-shop", name = "Web shop" })).Is(201);
        Assert.Equal($"{s.Projects}/web-shop", created.Location);
        Assert.Equal("web-shop", created.Str("id"));
        Assert.Equal("Web shop", created.Str("name"));
        Assert.Equal(0, created.Json.GetProperty("members").GetArrayLength());

        (await f.As(s.Admin).Get(created.Location!)).Is(200);
        Assert.Equal(1, (await f.As(op).Get($"/api/customers/{s.Customer}")).Json.GetProperty("projectCount").GetInt32());
        var recorded = Assert.Single(await ProjectScene.Events(f, s.Customer, EventTypes.ProjectCreated));
        Assert.Equal(s.Admin.Id, recorded.Actor.UserId);
        Assert.Equal("web-shop", recorded.Details!.Value.GetProperty("projectId").GetString());
    }

    [Fact]
    public async Task OperatorAndPartner_CreateProjects_CustomerEmployeeGets403()
    {
        var s = await ProjectScene.Build(f, op);
        (await f.As(op).Post(s.Projects, new { id = "by-operator", name = "Op" })).Is(201);
        (await f.As(s.PartnerAdmin).Post(s.Projects, new { id = "by-partner", name = "Partner" })).Is(201);
        (await f.As(s.Employee).Post(s.Projects, new { id = "by-employee", name = "Employee" })).IsProblem(403);
        Assert.Equal(2, (await f.As(op).Get($"/api/customers/{s.Customer}")).Json.GetProperty("projectCount").GetInt32());
    }

    [Fact]
    public async Task ForeignPartner_Gets404_OnEveryProjectRoute()
    {
        var s = await ProjectScene.Build(f, op);
        (await f.As(s.Admin).Post(s.Projects, new { id = "secret", name = "Secret" })).Is(201);
        var stranger = f.As(s.Stranger);
        (await stranger.Get(s.Projects)).IsProblem(404);
        (await stranger.Get($"{s.Projects}/secret")).IsProblem(404);
        (await stranger.Post(s.Projects, new { id = "intruder", name = "X" })).IsProblem(404);
        (await stranger.Delete($"{s.Projects}/secret")).IsProblem(404);
        (await stranger.Put($"{s.Projects}/secret/members/{s.Employee.Id}")).IsProblem(404);
        (await stranger.Delete($"{s.Projects}/secret/members/{s.Employee.Id}")).IsProblem(404);
        (await f.As(TestUser.New("nobody")).Get(s.Projects)).IsProblem(404);
        Assert.Single((await f.As(op).Get(s.Projects)).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task DuplicateProjectId_Is409_AndCountsNothing()
    {
        var s = await ProjectScene.Build(f, op);
        (await f.As(s.Admin).Post(s.Projects, new { id = "twice", name = "First" })).Is(201);
        (await f.As(s.Admin).Post(s.Projects, new { id = "twice", name = "Second" })).IsProblem(409, "project-exists");
        Assert.Equal("First", (await f.As(s.Admin).Get($"{s.Projects}/twice")).Str("name"));
        Assert.Equal(1, (await f.As(op).Get($"/api/customers/{s.Customer}")).Json.GetProperty("projectCount").GetInt32());
        Assert.Single(await ProjectScene.Events(f, s.Customer, EventTypes.ProjectCreated));
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("a")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("has space")]
    [InlineData("has/slash")]
    [InlineData("pipe|char")]
    public async Task BadProjectId_Is400_NamingTheField(string id)
    {
        var s = await ProjectScene.Build(f, op);
        var reply = (await f.As(s.Admin).Post(s.Projects, new { id, name = "X" })).IsProblem(400, "validation");
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task MissingName_UnknownField_AndWrongType_Are400()
    {
        var s = await ProjectScene.Build(f, op);
        Assert.True((await f.As(s.Admin).Post(s.Projects, new { id = "no-name" })).IsProblem(400).Json.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True((await f.As(s.Admin).Post(s.Projects, new { id = "extra", name = "X", quota = 3 })).IsProblem(400).Json.GetProperty("errors").TryGetProperty("quota", out _));
        (await f.As(s.Admin).Post(s.Projects, new { id = 42, name = "X" })).IsProblem(400);
        Assert.Equal(0, (await f.As(op).Get($"/api/customers/{s.Customer}")).Json.GetProperty("projectCount").GetInt32());
    }

    [Fact]
    public async Task ReachingTheQuota_Is409QuotaExceeded()
    {
        var s = await ProjectScene.Build(f, op, projectQuota: 2);
        (await f.As(s.Admin).Post(s.Projects, new { id = "one", name = "1" })).Is(201);
        (await f.As(s.Admin).Post(s.Projects, new { id = "two", name = "2" })).Is(201);
        var refused = (await f.As(s.Admin).Post(s.Projects, new { id = "three", name = "3" })).IsProblem(409, "quota-exceeded");
        Assert.Contains("quota (2)", refused.Str("detail"), StringComparison.Ordinal);
        (await f.As(s.Admin).Get($"{s.Projects}/three")).IsProblem(404);

        // Deleting gives the place back.
        (await f.As(s.Admin).Delete($"{s.Projects}/one")).Is(204);
        (await f.As(s.Admin).Post(s.Projects, new { id = "three", name = "3" })).Is(201);
    }

    [Fact]
    public async Task QuotaLoweredBelowTheCount_BlocksNewProjects_AndSaysSo()
    {
        var s = await ProjectScene.Build(f, op, projectQuota: 3);
        foreach (var id in new[] { "p-one", "p-two", "p-three" })
        {
            (await f.As(s.Admin).Post(s.Projects, new { id, name = id })).Is(201);
        }
        await ProjectScene.SetQuota(f, s.Customer, 1);

        var refused = (await f.As(s.Admin).Post(s.Projects, new { id = "p-four", name = "4" })).IsProblem(409, "quota-exceeded");
        Assert.Contains("lowered to 1", refused.Str("detail"), StringComparison.Ordinal);
        (await f.As(s.Admin).Delete($"{s.Projects}/p-one")).Is(204);
        (await f.As(s.Admin).Post(s.Projects, new { id = "p-four", name = "4" })).IsProblem(409, "quota-exceeded");
        Assert.Equal(2, (await f.As(op).Get($"/api/customers/{s.Customer}")).Json.GetProperty("projectCount").GetInt32());
    }

    [Fact]
    public async Task ZeroQuota_AllowsNoProject()
    {
        var s = await ProjectScene.Build(f, op, projectQuota: 0);
        (await f.As(s.Admin).Post(s.Projects, new { id = "none", name = "None" })).IsProblem(409, "quota-exceeded");
    }

    [Fact]
    public async Task PartnerAccounts_HaveNoProjects()
    {
        var partner = await Seed.Partner(f, op);
        (await f.As(op).Post($"/api/customers/{partner}/projects", new { id = "partner-project", name = "X" })).IsProblem(409, "not-a-customer");
    }

    [Fact]
    public async Task DisabledAccount_RefusesItsAdminsProjectChanges()
    {
        var s = await ProjectScene.Build(f, op);
        var session = await f.Services.GetRequiredService<AccountStore>().OpenAsync(s.Customer, null, new Caller("test-seed", null, null, IsOperator: true));
        session.Force(status: AccountStatus.Disabled);
        await session.CommitAsync(ApiResponse.NoContent());

        (await f.As(s.Admin).Post(s.Projects, new { id = "blocked", name = "X" })).IsProblem(403);
        (await f.As(s.Admin).Get(s.Projects)).Is(200);
        (await f.As(s.PartnerAdmin).Post(s.Projects, new { id = "by-partner", name = "X" })).Is(201);
    }

    [Fact]
    public async Task SameCreateWithIdempotencyKey_ReplaysTheAnswer_WithoutCountingTwice()
    {
        var s = await ProjectScene.Build(f, op);
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        (await f.As(s.Admin).Post(s.Projects, new { id = "once", name = "Once" }, headers)).Is(201);
        (await f.As(s.Admin).Post(s.Projects, new { id = "once", name = "Once" }, headers)).Is(201);
        Assert.Equal(1, (await f.As(op).Get($"/api/customers/{s.Customer}")).Json.GetProperty("projectCount").GetInt32());
    }
}
