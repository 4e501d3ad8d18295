using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Customers;

public sealed class StatusAndQuota(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task DisablingAnAccount_LetsItsMembersReadButNotWrite_UntilItIsEnabledAgain()
    {
        var partner = await Seed.Partner(f, op);
        var id = await Seed.Customer(f, op, partner);
        var admin = TestUser.New("cadmin");
        await Seed.Member(f, id, admin, MemberRole.CustomerAdmin);
        var partnerAdmin = TestUser.New("padmin");
        await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);

        f.Time.Advance(TimeSpan.FromMinutes(1));
        var disabled = (await f.As(partnerAdmin).Put($"/api/customers/{id}/status", new { status = "disabled" })).Is(200);
        Assert.Equal("disabled", disabled.Str("status"));
        Assert.NotNull(disabled.ETag);

        (await f.As(admin).Get($"/api/customers/{id}")).Is(200);
        (await f.As(admin).Get($"/api/customers/{id}/history")).Is(200);
        (await f.As(admin).Patch($"/api/customers/{id}", new { name = "Still mine" })).IsProblem(403);
        // The managers are not members: they may still change a disabled account.
        (await f.As(op).Patch($"/api/customers/{id}", new { seller = "ops" })).Is(200);

        f.Time.Advance(TimeSpan.FromMinutes(1));
        (await f.As(op).Put($"/api/customers/{id}/status", new { status = "active" })).Is(200);
        (await f.As(admin).Patch($"/api/customers/{id}", new { name = "Mine again" })).Is(200);

        var statusEvents = (await f.As(op).Get($"/api/customers/{id}/history?type=CUSTOMER_STATUS_CHANGED")).Is(200).Json.GetProperty("items");
        Assert.Equal(2, statusEvents.GetArrayLength());
        var enabling = statusEvents[0].GetProperty("changes")[0];
        Assert.Equal("status", enabling.GetProperty("field").GetString());
        Assert.Equal("disabled", enabling.GetProperty("from").GetString());
        Assert.Equal("active", enabling.GetProperty("to").GetString());
        Assert.Equal(partnerAdmin.Id, statusEvents[1].GetProperty("actor").GetProperty("userId").GetString());
    }

    [Fact]
    public async Task SettingTheCurrentStatus_Is200_WithoutAnEvent()
    {
        var id = await Seed.Customer(f, op);
        (await f.As(op).Put($"/api/customers/{id}/status", new { status = "active" })).Is(200);
        var types = (await f.As(op).Get($"/api/customers/{id}/history")).Is(200).Json.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString());
        Assert.Equal(["CUSTOMER_CREATED"], types);
    }

    [Theory]
    [InlineData(AccountStatus.PendingApproval, "active")]
    [InlineData(AccountStatus.PendingApproval, "disabled")]
    [InlineData(AccountStatus.DeletionRequested, "disabled")]
    [InlineData(AccountStatus.DeletionRequested, "active")]
    public async Task StatusesOwnedByOtherProcesses_CannotBeChangedHere(AccountStatus current, string target)
    {
        var id = await Seed.Customer(f, op);
        await AccountState.Set(f, id, a => a.With(status: current));
        (await f.As(op).Put($"/api/customers/{id}/status", new { status = target })).IsProblem(409, "status-change-not-allowed");
    }

    [Fact]
    public async Task ADeletedAccount_CannotBeReEnabled()
    {
        var id = await Seed.Customer(f, op);
        await AccountState.Set(f, id, a => a.With(status: AccountStatus.Deleted));
        (await f.As(op).Put($"/api/customers/{id}/status", new { status = "active" })).IsProblem(409);
        (await f.As(op).Put($"/api/customers/{id}/quota", new { projects = 1 })).IsProblem(409);
        (await f.As(op).Patch($"/api/customers/{id}", new { name = "Zombie" })).IsProblem(409);
    }

    [Theory]
    [InlineData("""{ "status": "deleted" }""")]
    [InlineData("""{ "status": "pendingApproval" }""")]
    [InlineData("""{ "status": "deletionRequested" }""")]
    [InlineData("""{ "status": "paused" }""")]
    [InlineData("""{ "status": null }""")]
    [InlineData("""{ "status": 1 }""")]
    [InlineData("""{ }""")]
    [InlineData("""{ "status": "active", "reason": "x" }""")]
    public async Task BadStatusBodies_Are400(string json)
    {
        var id = await Seed.Customer(f, op);
        (await f.As(op).SendRaw(HttpMethod.Put, $"/api/customers/{id}/status", json)).IsProblem(400);
        Assert.Equal("active", (await f.As(op).Get($"/api/customers/{id}")).Str("status"));
    }

    [Fact]
    public async Task OnlyTheManagers_ChangeStatusAndQuota()
    {
        var partner = await Seed.Partner(f, op);
        var foreign = await Seed.Partner(f, op);
        var id = await Seed.Customer(f, op, partner);
        var admin = TestUser.New("cadmin");
        await Seed.Member(f, id, admin, MemberRole.CustomerAdmin);
        var stranger = TestUser.New("foreign");
        await Seed.Member(f, foreign, stranger, MemberRole.PartnerAdmin);

        (await f.As(admin).Put($"/api/customers/{id}/status", new { status = "disabled" })).IsProblem(403);
        (await f.As(admin).Put($"/api/customers/{id}/quota", new { projects = 100 })).IsProblem(403);
        (await f.As(stranger).Put($"/api/customers/{id}/status", new { status = "disabled" })).IsProblem(404);
        (await f.As(stranger).Put($"/api/customers/{id}/quota", new { projects = 100 })).IsProblem(404);
        (await f.As(op).Put("/api/customers/no-such-account/quota", new { projects = 1 })).IsProblem(404);

        var read = (await f.As(op).Get($"/api/customers/{id}")).Is(200);
        Assert.Equal("active", read.Str("status"));
        Assert.Equal(10, read.Json.GetProperty("projectQuota").GetInt32());
    }

    [Fact]
    public async Task Quota_IsSetByThePartner_AndRecordedWithItsChange()
    {
        var partner = await Seed.Partner(f, op);
        var id = await Seed.Customer(f, op, partner);
        var partnerEmployee = TestUser.New("pemp");
        await Seed.Member(f, partner, partnerEmployee, MemberRole.PartnerEmployee);

        f.Time.Advance(TimeSpan.FromMinutes(1));
        var reply = (await f.As(partnerEmployee).Put($"/api/customers/{id}/quota", new { projects = 25 })).Is(200);
        Assert.Equal(25, reply.Json.GetProperty("projectQuota").GetInt32());
        Assert.Equal(25, (await f.As(op).Get($"/api/customers/{id}")).Json.GetProperty("projectQuota").GetInt32());

        var latest = (await f.As(op).Get($"/api/customers/{id}/history")).Is(200).Json.GetProperty("items")[0];
        Assert.Equal("CUSTOMER_QUOTA_EDITED", latest.GetProperty("type").GetString());
        var change = latest.GetProperty("changes")[0];
        Assert.Equal("projectQuota", change.GetProperty("field").GetString());
        Assert.Equal(10, change.GetProperty("from").GetInt32());
        Assert.Equal(25, change.GetProperty("to").GetInt32());
        Assert.Equal(25, latest.GetProperty("details").GetProperty("projects").GetInt32());

        (await f.As(op).Put($"/api/customers/{id}/quota", new { projects = 25 })).Is(200);
        var edits = (await f.As(op).Get($"/api/customers/{id}/history?type=CUSTOMER_QUOTA_EDITED")).Is(200).Json.GetProperty("items");
        Assert.Equal(1, edits.GetArrayLength());
    }

    [Fact]
    public async Task LoweringTheQuotaBelowTheProjectCount_IsAllowed()
    {
        var id = await Seed.Customer(f, op);
        await AccountState.Set(f, id, a => a.With(projectCount: 5));
        var reply = (await f.As(op).Put($"/api/customers/{id}/quota", new { projects = 2 })).Is(200);
        Assert.Equal(2, reply.Json.GetProperty("projectQuota").GetInt32());
        Assert.Equal(5, reply.Json.GetProperty("projectCount").GetInt32());
        (await f.As(op).Put($"/api/customers/{id}/quota", new { projects = 0 })).Is(200);
    }

    [Theory]
    [InlineData("""{ "projects": -1 }""")]
    [InlineData("""{ "projects": 10001 }""")]
    [InlineData("""{ "projects": "many" }""")]
    [InlineData("""{ "projects": 2.5 }""")]
    [InlineData("""{ "projects": null }""")]
    [InlineData("""{ }""")]
    [InlineData("""{ "projects": 3, "members": 4 }""")]
    public async Task BadQuotaBodies_Are400(string json)
    {
        var id = await Seed.Customer(f, op);
        var reply = (await f.As(op).SendRaw(HttpMethod.Put, $"/api/customers/{id}/quota", json)).IsProblem(400);
        Assert.True(reply.Json.TryGetProperty("errors", out _), reply.Text);
        Assert.Equal(10, (await f.As(op).Get($"/api/customers/{id}")).Json.GetProperty("projectQuota").GetInt32());
    }

    [Fact]
    public async Task ParallelQuotaEdits_AllLand_AndTheirHistoryFormsOneUnbrokenChain()
    {
        var id = await Seed.Customer(f, op);
        int[] targets = [11, 12, 13, 14, 15, 16];

        var replies = await Task.WhenAll(targets.Select(n => f.As(op).Put($"/api/customers/{id}/quota", new { projects = n })));
        Assert.All(replies, r => r.Is(200));

        var edits = (await f.As(op).Get($"/api/customers/{id}/history?type=CUSTOMER_QUOTA_EDITED")).Is(200).Json.GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("changes")[0])
            .ToDictionary(c => c.GetProperty("from").GetInt32(), c => c.GetProperty("to").GetInt32());
        Assert.Equal(targets.Length, edits.Count);
        var value = 10;
        var visited = new List<int>();
        while (edits.TryGetValue(value, out var next))
        {
            visited.Add(next);
            value = next;
        }
        Assert.Equal(targets, visited.Order());
        Assert.Equal(value, (await f.As(op).Get($"/api/customers/{id}")).Json.GetProperty("projectQuota").GetInt32());
    }
}
