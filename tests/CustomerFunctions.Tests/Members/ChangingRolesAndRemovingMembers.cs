using Azure.Data.Tables;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Projects;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Members;

public sealed class ChangingRolesAndRemovingMembers(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<(string Customer, TestUser Admin, TestUser Employee)> CustomerWithAdminAndEmployee(string? partner = null)
    {
        var customer = await Seed.Customer(f, op, partner);
        var admin = TestUser.New("cadmin");
        var employee = TestUser.New("cemp");
        await Seed.Member(f, customer, admin, MemberRole.CustomerAdmin);
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);
        return (customer, admin, employee);
    }

    private async Task<string?> RoleInMe(TestUser user, string accountId)
    {
        var me = (await f.As(user).Get("/api/me")).Is(200);
        return me.Json.GetProperty("memberships").EnumerateArray()
            .Where(m => m.GetProperty("customerId").GetString() == accountId)
            .Select(m => m.GetProperty("role").GetString())
            .SingleOrDefault();
    }

    [Fact]
    public async Task Admin_PromotesAnEmployee_RecordingTheChange_AndTheirMembershipFollows()
    {
        var (customer, admin, employee) = await CustomerWithAdminAndEmployee();

        var changed = (await f.As(admin).Put($"/api/customers/{customer}/members/{employee.Id}/role", new { role = "customerAdmin" })).Is(200);
        Assert.Equal("customerAdmin", changed.Str("role"));
        Assert.Equal(employee.Email, changed.Str("email"));

        var e = await AccountRows.SingleEvent(f, customer, EventTypes.UserRoleChanged);
        Assert.Equal(admin.Id, e.Actor.UserId);
        var change = Assert.Single(e.Changes!);
        Assert.Equal("role", change.Field);
        Assert.Equal("customerEmployee", change.From?.ToString());
        Assert.Equal("customerAdmin", change.To?.ToString());
        Assert.Equal("customerAdmin", await RoleInMe(employee, customer));

        // Now there are two admins: one may step down.
        (await f.As(employee).Put($"/api/customers/{customer}/members/{admin.Id}/role", new { role = "customerEmployee" })).Is(200);
        Assert.Equal("customerEmployee", await RoleInMe(admin, customer));
    }

    [Fact]
    public async Task SettingTheSameRole_ChangesNothing()
    {
        var (customer, admin, employee) = await CustomerWithAdminAndEmployee();
        (await f.As(admin).Put($"/api/customers/{customer}/members/{employee.Id}/role", new { role = "customerEmployee" })).Is(200);
        Assert.DoesNotContain(await AccountRows.Events(f, customer), e => e.Type == EventTypes.UserRoleChanged);
    }

    [Fact]
    public async Task DemotingTheLastAdmin_Is409_LastAdmin()
    {
        var (customer, admin, _) = await CustomerWithAdminAndEmployee();
        (await f.As(admin).Put($"/api/customers/{customer}/members/{admin.Id}/role", new { role = "customerEmployee" })).IsProblem(409, "last-admin");
        (await f.As(op).Put($"/api/customers/{customer}/members/{admin.Id}/role", new { role = "customerEmployee" })).IsProblem(409, "last-admin");
        Assert.Equal("customerAdmin", await RoleInMe(admin, customer));
    }

    [Theory]
    [InlineData("{\"role\":\"partnerAdmin\"}", "role")]
    [InlineData("{\"role\":\"owner\"}", "role")]
    [InlineData("{\"role\":7}", "role")]
    [InlineData("{}", "role")]
    [InlineData("{\"role\":\"customerAdmin\",\"extra\":1}", "extra")]
    public async Task BadRoleBodies_Are400_NamingTheField(string json, string field)
    {
        var (customer, admin, employee) = await CustomerWithAdminAndEmployee();
        var reply = (await f.As(admin).SendRaw(HttpMethod.Put, $"/api/customers/{customer}/members/{employee.Id}/role", json)).IsProblem(400);
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty(field, out _), reply.Text);
    }

    [Fact]
    public async Task PartnerAccountRoles_ArePartnerRoles()
    {
        var partner = await Seed.Partner(f, op);
        var admin = TestUser.New("padmin");
        var employee = TestUser.New("pemp");
        await Seed.Member(f, partner, admin, MemberRole.PartnerAdmin);
        await Seed.Member(f, partner, employee, MemberRole.PartnerEmployee);

        (await f.As(admin).Put($"/api/customers/{partner}/members/{employee.Id}/role", new { role = "customerAdmin" })).IsProblem(400);
        (await f.As(admin).Put($"/api/customers/{partner}/members/{employee.Id}/role", new { role = "partnerAdmin" })).Is(200);
        (await f.As(employee).Put($"/api/customers/{partner}/members/{admin.Id}/role", new { role = "partnerEmployee" })).Is(200);
        (await f.As(employee).Put($"/api/customers/{partner}/members/{employee.Id}/role", new { role = "partnerEmployee" })).IsProblem(409, "last-admin");
    }

    [Fact]
    public async Task WhoMayChangeRoles_EmployeesGet403_StrangersGet404_UnknownMembers404()
    {
        var partner = await Seed.Partner(f, op);
        var partnerEmployee = TestUser.New("pemp");
        await Seed.Member(f, partner, partnerEmployee, MemberRole.PartnerEmployee);
        var (customer, admin, employee) = await CustomerWithAdminAndEmployee(partner);
        var foreignPartner = await Seed.Partner(f, op);
        var foreigner = TestUser.New("foreign");
        await Seed.Member(f, foreignPartner, foreigner, MemberRole.PartnerAdmin);
        var path = $"/api/customers/{customer}/members/{employee.Id}/role";

        (await f.As(employee).Put($"/api/customers/{customer}/members/{admin.Id}/role", new { role = "customerEmployee" })).IsProblem(403);
        (await f.As(employee).Put(path, new { role = "customerAdmin" })).IsProblem(403);
        (await f.As(foreigner).Put(path, new { role = "customerAdmin" })).IsProblem(404);
        (await f.As(admin).Put($"/api/customers/{customer}/members/nobody-here/role", new { role = "customerAdmin" })).IsProblem(404);
        (await f.As(admin).Put($"/api/customers/{customer}/members/%0A/role", new { role = "customerAdmin" })).IsProblem(404);
        (await f.As(partnerEmployee).Put(path, new { role = "customerAdmin" })).Is(200);
    }

    [Fact]
    public async Task RemovingAMember_TakesTheirProjectAccess_AndMembership_ButNobodyElses()
    {
        var (customer, admin, employee) = await CustomerWithAdminAndEmployee();
        // A user whose id extends the employee's with '|' must keep their own access.
        var lookalike = new TestUser(employee.Id + "|2", "lookalike@example.test", "Look Alike");
        await Seed.Member(f, customer, lookalike, MemberRole.CustomerEmployee);
        var table = f.StorageClients.Accounts;
        await table.AddEntityAsync(new TableEntity(customer, ProjectKeys.Access(employee.Id, "alpha")));
        await table.AddEntityAsync(new TableEntity(customer, ProjectKeys.Access(employee.Id, "beta")));
        await table.AddEntityAsync(new TableEntity(customer, ProjectKeys.Access(admin.Id, "alpha")));
        await table.AddEntityAsync(new TableEntity(customer, ProjectKeys.Access(lookalike.Id, "alpha")));
        Assert.Equal("customerEmployee", await RoleInMe(employee, customer));

        (await f.As(admin).Delete($"/api/customers/{customer}/members/{Uri.EscapeDataString(employee.Id)}")).Is(204);

        var access = (await AccountRows.WithPrefix(f, customer, ProjectKeys.AccessPrefix)).Select(r => r.RowKey).Order().ToList();
        Assert.Equal(new[] { ProjectKeys.Access(admin.Id, "alpha"), ProjectKeys.Access(lookalike.Id, "alpha") }.Order(), access);
        Assert.Null(await RoleInMe(employee, customer));
        (await f.As(employee).Get($"/api/customers/{customer}")).IsProblem(404);
        var removed = await AccountRows.SingleEvent(f, customer, EventTypes.UserRemoved);
        Assert.Equal(employee.Id, removed.Detail("userId"));
        var members = (await f.As(admin).Get($"/api/customers/{customer}/members")).Is(200).Json.GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("userId").GetString()).Order().ToList();
        Assert.Equal(new[] { admin.Id, lookalike.Id }.Order(), members);
    }

    [Fact]
    public async Task RemovingAMemberWithMoreAccessThanOneTransactionHolds_RemovesAllOfIt()
    {
        var (customer, admin, employee) = await CustomerWithAdminAndEmployee();
        var table = f.StorageClients.Accounts;
        foreach (var chunk in Enumerable.Range(0, 130).Chunk(50))
        {
            await table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(customer, ProjectKeys.Access(employee.Id, $"project-{i:D3}")))));
        }

        (await f.As(admin).Delete($"/api/customers/{customer}/members/{employee.Id}")).Is(204);
        Assert.Empty(await AccountRows.WithPrefix(f, customer, ProjectKeys.AccessPrefix));
        Assert.Single(await AccountRows.WithPrefix(f, customer, MemberRow.Prefix));
    }

    [Fact]
    public async Task RemovingTheLastAdmin_Is409_AndEmployeesMayNotRemoveAnyone()
    {
        var (customer, admin, employee) = await CustomerWithAdminAndEmployee();
        (await f.As(admin).Delete($"/api/customers/{customer}/members/{admin.Id}")).IsProblem(409, "last-admin");
        (await f.As(op).Delete($"/api/customers/{customer}/members/{admin.Id}")).IsProblem(409, "last-admin");
        (await f.As(employee).Delete($"/api/customers/{customer}/members/{admin.Id}")).IsProblem(403);
        (await f.As(admin).Delete($"/api/customers/{customer}/members/not-a-member")).IsProblem(404);
        (await f.As(TestUser.New("nobody")).Delete($"/api/customers/{customer}/members/{employee.Id}")).IsProblem(404);
        Assert.Equal(2, (await AccountRows.WithPrefix(f, customer, MemberRow.Prefix)).Count);

        // A member may leave on their own admin's say-so, and an admin may leave once another admin exists.
        (await f.As(admin).Delete($"/api/customers/{customer}/members/{employee.Id}")).Is(204);
        var second = TestUser.New("cadmin2");
        await Seed.Member(f, customer, second, MemberRole.CustomerAdmin);
        (await f.As(admin).Delete($"/api/customers/{customer}/members/{admin.Id}")).Is(204);
        Assert.Equal(second.Id, Assert.Single(await AccountRows.WithPrefix(f, customer, MemberRow.Prefix)).GetString("UserId"));
    }

    [Fact]
    public async Task ParallelRemovalsAndDemotionsOfTwoAdmins_LeaveExactlyOneAdmin()
    {
        for (var round = 0; round < 3; round++)
        {
            var customer = await Seed.Customer(f, op);
            var a = TestUser.New("admina");
            var b = TestUser.New("adminb");
            await Seed.Member(f, customer, a, MemberRole.CustomerAdmin);
            await Seed.Member(f, customer, b, MemberRole.CustomerAdmin);

            var replies = await Task.WhenAll(
                f.As(op).Delete($"/api/customers/{customer}/members/{a.Id}"),
                round == 0
                    ? f.As(op).Delete($"/api/customers/{customer}/members/{b.Id}")
                    : f.As(op).Put($"/api/customers/{customer}/members/{b.Id}/role", new { role = "customerEmployee" }));

            Assert.Single(replies, r => r.Status is 200 or 204);
            Assert.Single(replies, r => r.Status == 409);
            replies.Single(r => r.Status == 409).IsProblem(409, "last-admin");
            var admins = (await AccountRows.WithPrefix(f, customer, MemberRow.Prefix)).Where(r => r.GetString("Role") == nameof(MemberRole.CustomerAdmin));
            Assert.Single(admins);
        }
    }

    [Fact]
    public async Task TwoAdminsRemovingEachOtherAtOnce_LeaveOneAdmin()
    {
        var customer = await Seed.Customer(f, op);
        var a = TestUser.New("admina");
        var b = TestUser.New("adminb");
        await Seed.Member(f, customer, a, MemberRole.CustomerAdmin);
        await Seed.Member(f, customer, b, MemberRole.CustomerAdmin);

        var replies = await Task.WhenAll(
            f.As(a).Delete($"/api/customers/{customer}/members/{b.Id}"),
            f.As(b).Delete($"/api/customers/{customer}/members/{a.Id}"));

        // The loser was removed first, so it no longer knows the account (404) or, had it won, the other meets last-admin.
        Assert.Single(replies, r => r.Status == 204);
        Assert.Single(await AccountRows.WithPrefix(f, customer, MemberRow.Prefix));
    }
}
