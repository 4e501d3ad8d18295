using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Projects;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Projects;

public sealed class GrantingProjectAccess(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private static List<string> Ids(Reply list) => [.. list.Json.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).Order()];

    private async Task<ProjectScene> WithProjects(params string[] ids)
    {
        var s = await ProjectScene.Build(f, op);
        foreach (var id in ids)
        {
            (await f.As(s.Admin).Post(s.Projects, new { id, name = id })).Is(201);
        }
        return s;
    }

    [Fact]
    public async Task Employees_SeeOnlyTheProjectsTheyWereGiven_AdminsAndManagersSeeAll()
    {
        var s = await WithProjects("alpha", "beta", "gamma");
        Assert.Empty(Ids((await f.As(s.Employee).Get(s.Projects)).Is(200)));

        var granted = (await f.As(s.Admin).Put($"{s.Projects}/beta/members/{s.Employee.Id}")).Is(200);
        Assert.Equal(s.Employee.Id, granted.Str("userId"));
        Assert.Equal("beta", granted.Str("projectId"));

        Assert.Equal(["beta"], Ids((await f.As(s.Employee).Get(s.Projects)).Is(200)));
        Assert.Equal(["alpha", "beta", "gamma"], Ids((await f.As(s.Admin).Get(s.Projects)).Is(200)));
        Assert.Equal(["alpha", "beta", "gamma"], Ids((await f.As(s.PartnerAdmin).Get(s.Projects)).Is(200)));
        Assert.Equal(["alpha", "beta", "gamma"], Ids((await f.As(op).Get(s.Projects)).Is(200)));

        (await f.As(s.Employee).Get($"{s.Projects}/beta")).Is(200);
        (await f.As(s.Employee).Get($"{s.Projects}/alpha")).IsProblem(404);
    }

    [Fact]
    public async Task ProjectsListTheirMembers()
    {
        var s = await WithProjects("shared");
        (await f.As(s.Admin).Put($"{s.Projects}/shared/members/{s.Employee.Id}")).Is(200);
        (await f.As(s.Admin).Put($"{s.Projects}/shared/members/{s.Admin.Id}")).Is(200);

        var project = Assert.Single((await f.As(s.Employee).Get(s.Projects)).Json.GetProperty("items").EnumerateArray());
        var members = project.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("userId").GetString()!);
        Assert.Equal(2, members.Count);
        Assert.Equal(s.Employee.Email, members[s.Employee.Id].GetProperty("email").GetString());
        Assert.Equal("customerEmployee", members[s.Employee.Id].GetProperty("role").GetString());
        Assert.Equal("customerAdmin", members[s.Admin.Id].GetProperty("role").GetString());
        Assert.Equal(s.Admin.Id, members[s.Employee.Id].GetProperty("grantedBy").GetString());
    }

    [Fact]
    public async Task GrantingTwice_ChangesNothing_AndRecordsOneEvent()
    {
        var s = await WithProjects("again");
        var first = (await f.As(s.Admin).Put($"{s.Projects}/again/members/{s.Employee.Id}")).Is(200);
        var second = (await f.As(s.PartnerAdmin).Put($"{s.Projects}/again/members/{s.Employee.Id}")).Is(200);
        Assert.Equal(first.Str("grantedAt"), second.Str("grantedAt"));
        var granted = Assert.Single(await ProjectScene.Events(f, s.Customer, EventTypes.ProjectAccessGranted));
        Assert.Equal(s.Employee.Id, granted.Details!.Value.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task GrantingToSomeoneWhoIsNotAMember_Is404_AndToAPartnerMemberToo()
    {
        var s = await WithProjects("closed");
        (await f.As(s.Admin).Put($"{s.Projects}/closed/members/{TestUser.New("outsider").Id}")).IsProblem(404);
        (await f.As(s.Admin).Put($"{s.Projects}/closed/members/{s.PartnerAdmin.Id}")).IsProblem(404);
        (await f.As(s.Admin).Put($"{s.Projects}/missing/members/{s.Employee.Id}")).IsProblem(404);
        (await f.As(s.Admin).Put($"{s.Projects}/NOT_AN_ID/members/{s.Employee.Id}")).IsProblem(404);
        (await f.As(s.Admin).Put($"{s.Projects}/closed/members/{new string('u', 300)}")).IsProblem(404);
        Assert.Empty(await ProjectScene.Rows(f, s.Customer, ProjectAccessRow.Prefix));
        Assert.Empty(await ProjectScene.Events(f, s.Customer, EventTypes.ProjectAccessGranted));
    }

    [Fact]
    public async Task EmployeesCannotGrantOrRevoke()
    {
        var s = await WithProjects("mine");
        (await f.As(s.Employee).Put($"{s.Projects}/mine/members/{s.Employee.Id}")).IsProblem(403);
        (await f.As(s.Admin).Put($"{s.Projects}/mine/members/{s.Employee.Id}")).Is(200);
        (await f.As(s.Employee).Delete($"{s.Projects}/mine/members/{s.Employee.Id}")).IsProblem(403);
        (await f.As(s.Employee).Delete($"{s.Projects}/mine")).IsProblem(403);
    }

    [Fact]
    public async Task Revoking_HidesTheProject_AndIsRecorded_ASecondRevokeIs404()
    {
        var s = await WithProjects("temporary");
        (await f.As(s.Admin).Put($"{s.Projects}/temporary/members/{s.Employee.Id}")).Is(200);
        (await f.As(s.PartnerAdmin).Delete($"{s.Projects}/temporary/members/{s.Employee.Id}")).Is(204);

        Assert.Empty(Ids(await f.As(s.Employee).Get(s.Projects)));
        Assert.Empty((await f.As(s.Admin).Get($"{s.Projects}/temporary")).Json.GetProperty("members").EnumerateArray());
        var revoked = Assert.Single(await ProjectScene.Events(f, s.Customer, EventTypes.ProjectAccessRevoked));
        Assert.Equal(s.PartnerAdmin.Id, revoked.Actor.UserId);
        (await f.As(s.Admin).Delete($"{s.Projects}/temporary/members/{s.Employee.Id}")).IsProblem(404);
    }

    [Fact]
    public async Task AccessRows_FollowTheSharedLayout_SoMemberRemovalFindsThemByUser()
    {
        var s = await WithProjects("one-p", "two-p");
        // "auth0" and "auth0|odd-..." must not share a key prefix, or removing one member would take the other's access.
        var plain = new TestUser("auth0", "plain@example.test", "Plain");
        var oddUser = new TestUser("auth0|odd-" + Guid.NewGuid().ToString("N"), "odd@example.test", "Odd");
        await Seed.Member(f, s.Customer, plain, MemberRole.CustomerEmployee);
        await Seed.Member(f, s.Customer, oddUser, MemberRole.CustomerEmployee);
        (await f.As(s.Admin).Put($"{s.Projects}/one-p/members/{plain.Id}")).Is(200);
        Assert.Single(await ProjectScene.Rows(f, s.Customer, ProjectAccessRow.Prefix + AccountPartition.AccessOfUser(plain.Id)));
        (await f.As(s.Admin).Put($"{s.Projects}/one-p/members/{Uri.EscapeDataString(oddUser.Id)}")).Is(200);
        (await f.As(s.Admin).Put($"{s.Projects}/two-p/members/{Uri.EscapeDataString(oddUser.Id)}")).Is(200);
        (await f.As(s.Admin).Put($"{s.Projects}/two-p/members/{s.Employee.Id}")).Is(200);

        var rows = await ProjectScene.Rows(f, s.Customer, ProjectAccessRow.Prefix + AccountPartition.AccessOfUser(oddUser.Id));
        Assert.Equal([AccountPartition.ProjectAccess.Key(ProjectAccessRow.Id(oddUser.Id, "one-p")), AccountPartition.ProjectAccess.Key(ProjectAccessRow.Id(oddUser.Id, "two-p"))], rows.Select(r => r.RowKey).Order().ToList());
        Assert.Equal(["one-p", "two-p"], Ids(await f.As(oddUser).Get(s.Projects)));

        (await f.As(s.Admin).Delete($"{s.Projects}/one-p/members/{Uri.EscapeDataString(oddUser.Id)}")).Is(204);
        Assert.Equal(["two-p"], Ids(await f.As(oddUser).Get(s.Projects)));
    }

    [Fact]
    public async Task DeletingAProject_RemovesItsAccess_ReturnsItsPlace_AndIsRecorded()
    {
        var s = await WithProjects("doomed", "kept");
        (await f.As(s.Admin).Put($"{s.Projects}/doomed/members/{s.Employee.Id}")).Is(200);
        (await f.As(s.Admin).Put($"{s.Projects}/doomed/members/{s.Admin.Id}")).Is(200);
        (await f.As(s.Admin).Put($"{s.Projects}/kept/members/{s.Employee.Id}")).Is(200);

        (await f.As(s.Admin).Delete($"{s.Projects}/doomed")).Is(204);

        Assert.Equal(["kept"], Ids(await f.As(s.Admin).Get(s.Projects)));
        Assert.Equal(["kept"], Ids(await f.As(s.Employee).Get(s.Projects)));
        var access = await ProjectScene.Rows(f, s.Customer, ProjectAccessRow.Prefix);
        Assert.Equal([AccountPartition.ProjectAccess.Key(ProjectAccessRow.Id(s.Employee.Id, "kept"))], access.Select(r => r.RowKey).ToList());
        Assert.Equal(1, (await f.As(op).Get($"/api/customers/{s.Customer}")).Json.GetProperty("projectCount").GetInt32());
        var deleted = Assert.Single(await ProjectScene.Events(f, s.Customer, EventTypes.ProjectDeleted));
        Assert.Equal("doomed", deleted.Details!.Value.GetProperty("projectId").GetString());
        (await f.As(s.Admin).Delete($"{s.Projects}/doomed")).IsProblem(404);

        // A project created again with the same id starts without the old grants.
        (await f.As(s.Admin).Post(s.Projects, new { id = "doomed", name = "Again" })).Is(201);
        Assert.Empty((await f.As(s.Admin).Get($"{s.Projects}/doomed")).Json.GetProperty("members").EnumerateArray());
    }

    [Fact]
    public async Task AProjectSharedWithAsManyMembersAsAllowed_IsDeletedInOneTransactionWithinAzuresLimits()
    {
        var s = await WithProjects("full");
        var members = Enumerable.Range(0, Project.MaxMembers).Select(i => TestUser.New($"m{i}")).ToList();
        foreach (var member in members)
        {
            await Seed.Member(f, s.Customer, member, MemberRole.CustomerEmployee);
            (await f.As(s.Admin).Put($"{s.Projects}/full/members/{member.Id}")).Is(200);
        }
        (await f.As(s.Admin).Put($"{s.Projects}/full/members/{s.Employee.Id}")).IsProblem(409, "project-members-limit");

        // Every grant, the project, its former-project row, the event, the outbox row and the stored answer: one
        // transaction, which the storage policy would refuse past 100 operations as Azure does.
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        (await f.As(s.Admin).Send(HttpMethod.Delete, $"{s.Projects}/full", null, headers)).Is(204);
        Assert.Empty(await ProjectScene.Rows(f, s.Customer, ProjectAccessRow.Prefix));
        Assert.Single(await ProjectScene.Rows(f, s.Customer, AccountPartition.FormerProjects.Key("full")));
    }

    [Fact]
    public async Task ListingPages_WithSignedContinuationTokens()
    {
        var s = await WithProjects("page-a", "page-b", "page-c");
        var first = (await f.As(s.Admin).Get($"{s.Projects}?pageSize=2")).Is(200);
        Assert.Equal(2, first.Json.GetProperty("items").GetArrayLength());
        var token = first.Str("continuationToken");
        var second = (await f.As(s.Admin).Get($"{s.Projects}?pageSize=2&continuationToken={Uri.EscapeDataString(token)}")).Is(200);
        Assert.Equal("page-c", Assert.Single(second.Json.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.False(second.Json.TryGetProperty("continuationToken", out _));
        (await f.As(s.Admin).Get($"{s.Projects}?pageSize=2&continuationToken=x{Uri.EscapeDataString(token)}")).IsProblem(400);
        (await f.As(s.Admin).Get($"{s.Projects}?pageSize=0")).IsProblem(400);
    }
}
