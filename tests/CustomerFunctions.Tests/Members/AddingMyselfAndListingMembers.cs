using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Members;

public sealed class AddingMyselfAndListingMembers(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<(string Partner, TestUser Employee, string Customer)> PartnerEmployeeAndCustomer()
    {
        var partner = await Seed.Partner(f, op);
        var employee = TestUser.New("pemp");
        await Seed.Member(f, partner, employee, MemberRole.PartnerEmployee);
        return (partner, employee, await Seed.Customer(f, op, partner));
    }

    [Fact]
    public async Task PartnerEmployee_AddsThemselves_AsCustomerAdmin_WithNameAndEmailFromTheirToken()
    {
        var (_, employee, customer) = await PartnerEmployeeAndCustomer();

        var added = (await f.As(employee).Post($"/api/customers/{customer}/members/me")).Is(201);
        Assert.Equal($"/api/customers/{customer}/members/{employee.Id}", added.Location);
        Assert.Equal(employee.Id, added.Str("userId"));
        Assert.Equal(employee.Email, added.Str("email"));
        Assert.Equal(employee.Name, added.Str("name"));
        Assert.Equal("customerAdmin", added.Str("role"));

        var listed = (await f.As(employee).Get($"/api/customers/{customer}/members")).Is(200);
        var item = Assert.Single(listed.Json.GetProperty("items").EnumerateArray());
        Assert.Equal(employee.Id, item.GetProperty("userId").GetString());
        Assert.True(item.TryGetProperty("addedAt", out _));

        var assigned = await AccountRows.SingleEvent(f, customer, EventTypes.UserAssignedHimself);
        Assert.Equal(employee.Id, assigned.Actor.UserId);
        Assert.Equal("customerAdmin", assigned.Detail("role"));

        var me = (await f.As(employee).Get("/api/me")).Is(200);
        Assert.Contains(me.Json.GetProperty("memberships").EnumerateArray(),
            m => m.GetProperty("customerId").GetString() == customer && m.GetProperty("role").GetString() == "customerAdmin");
    }

    [Fact]
    public async Task APartnerMemberWhoAddedThemselves_StillActsAsThePartner_WhereOnlyThePartnerMay()
    {
        var (partner, employee, customer) = await PartnerEmployeeAndCustomer();
        (await f.As(employee).Post($"/api/customers/{customer}/members/me")).Is(201);

        // Messages, quota and status are the partner's to manage, not the customer admin's: the partner relation answers.
        var client = f.As(employee);
        (await client.Post($"/api/customers/{customer}/messages", new { subject = "Hello", body = "Maintenance tonight.", mode = "singleRead" })).Is(201);
        Assert.Single((await client.Get($"/api/customers/{customer}/messages")).Is(200).Json.GetProperty("items").EnumerateArray());
        (await client.Put($"/api/customers/{customer}/quota", new { projects = 7 })).Is(200);
        // Where the member's own relation is allowed, it answers as before.
        (await client.Get($"/api/customers/{customer}/members")).Is(200);

        // A customer admin who is nobody at the partner gains nothing.
        var admin = TestUser.New("cadmin");
        await Seed.Member(f, customer, admin, MemberRole.CustomerAdmin);
        (await f.As(admin).Put($"/api/customers/{customer}/quota", new { projects = 9 })).IsProblem(403);
        // Once removed from the partner, the added member is only a customer admin again.
        (await f.As(op).Delete($"/api/customers/{partner}/members/{employee.Id}")).Is(204);
        (await client.Put($"/api/customers/{customer}/quota", new { projects = 8 })).IsProblem(403);
    }

    [Fact]
    public async Task Operator_AddsThemselvesToAPartnerAccount_AsPartnerAdmin()
    {
        var partner = await Seed.Partner(f, op);
        var added = (await f.As(op).Post($"/api/customers/{partner}/members/me")).Is(201);
        Assert.Equal("partnerAdmin", added.Str("role"));
    }

    [Fact]
    public async Task AddingMyselfTwice_Is409_AlreadyMember()
    {
        var customer = await Seed.Customer(f, op);
        (await f.As(op).Post($"/api/customers/{customer}/members/me")).Is(201);
        (await f.As(op).Post($"/api/customers/{customer}/members/me")).IsProblem(409, "already-member");
        Assert.Single(await AccountRows.WithPrefix(f, customer, MemberRow.Prefix));
    }

    [Fact]
    public async Task Strangers_Get404_AndTheAccountsOwnMembers_Get409()
    {
        var partner = await Seed.Partner(f, op);
        var foreignPartner = await Seed.Partner(f, op);
        var foreigner = TestUser.New("foreign");
        await Seed.Member(f, foreignPartner, foreigner, MemberRole.PartnerAdmin);
        var customer = await Seed.Customer(f, op, partner);
        var other = await Seed.Customer(f, op, partner);
        var otherMember = TestUser.New("othercust");
        await Seed.Member(f, other, otherMember, MemberRole.CustomerAdmin);
        var employee = TestUser.New("cemp");
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);

        (await f.As(foreigner).Post($"/api/customers/{customer}/members/me")).IsProblem(404);
        (await f.As(otherMember).Post($"/api/customers/{customer}/members/me")).IsProblem(404);
        (await f.As(TestUser.New("nobody")).Post($"/api/customers/{customer}/members/me")).IsProblem(404);
        (await f.As(employee).Post($"/api/customers/{customer}/members/me")).IsProblem(409, "already-member");
        (await f.Anonymous.Post($"/api/customers/{customer}/members/me")).IsProblem(401);
        (await f.As(op).Post("/api/customers/no-such-account/members/me")).IsProblem(404);
        Assert.Single(await AccountRows.WithPrefix(f, customer, MemberRow.Prefix));
    }

    [Fact]
    public async Task PartnerAdmin_CannotAddThemselvesToTheirOwnPartnerAgain_NorToAnotherPartner()
    {
        var partner = await Seed.Partner(f, op);
        var otherPartner = await Seed.Partner(f, op);
        var admin = TestUser.New("padmin");
        await Seed.Member(f, partner, admin, MemberRole.PartnerAdmin);

        (await f.As(admin).Post($"/api/customers/{partner}/members/me")).IsProblem(409, "already-member");
        (await f.As(admin).Post($"/api/customers/{otherPartner}/members/me")).IsProblem(404);
    }

    [Fact]
    public async Task EveryMember_ListsMembers_StrangersGet404()
    {
        var partner = await Seed.Partner(f, op);
        var partnerEmployee = TestUser.New("pemp");
        await Seed.Member(f, partner, partnerEmployee, MemberRole.PartnerEmployee);
        var customer = await Seed.Customer(f, op, partner);
        var admin = TestUser.New("cadmin");
        var employee = TestUser.New("cemp");
        await Seed.Member(f, customer, admin, MemberRole.CustomerAdmin);
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);
        var other = await Seed.Customer(f, op, partner);
        var otherMember = TestUser.New("othercust");
        await Seed.Member(f, other, otherMember, MemberRole.CustomerAdmin);
        var foreignPartner = await Seed.Partner(f, op);
        var foreigner = TestUser.New("foreign");
        await Seed.Member(f, foreignPartner, foreigner, MemberRole.PartnerAdmin);

        foreach (var reader in new[] { op, partnerEmployee, admin, employee })
        {
            var page = (await f.As(reader).Get($"/api/customers/{customer}/members")).Is(200);
            Assert.Equal(2, page.Json.GetProperty("items").GetArrayLength());
        }
        (await f.As(otherMember).Get($"/api/customers/{customer}/members")).IsProblem(404);
        (await f.As(foreigner).Get($"/api/customers/{customer}/members")).IsProblem(404);
        (await f.Anonymous.Get($"/api/customers/{customer}/members")).IsProblem(401);
    }

    [Fact]
    public async Task Members_ArePaged_WithTamperProofContinuationTokens()
    {
        var customer = await Seed.Customer(f, op);
        var users = Enumerable.Range(0, 3).Select(_ => TestUser.New("paged")).ToList();
        foreach (var user in users)
        {
            await Seed.Member(f, customer, user, MemberRole.CustomerEmployee);
        }

        var first = (await f.As(op).Get($"/api/customers/{customer}/members?pageSize=2")).Is(200);
        Assert.Equal(2, first.Json.GetProperty("items").GetArrayLength());
        var token = first.Str("continuationToken");
        var second = (await f.As(op).Get($"/api/customers/{customer}/members?pageSize=2&continuationToken={Uri.EscapeDataString(token)}")).Is(200);
        Assert.Single(second.Json.GetProperty("items").EnumerateArray());
        Assert.False(second.Json.TryGetProperty("continuationToken", out _));
        var ids = first.Json.GetProperty("items").EnumerateArray().Concat(second.Json.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("userId").GetString()!).Order().ToList();
        Assert.Equal(users.Select(u => u.Id).Order().ToList(), ids);

        var other = await Seed.Customer(f, op);
        (await f.As(op).Get($"/api/customers/{other}/members?pageSize=2&continuationToken={Uri.EscapeDataString(token)}")).IsProblem(400);
        (await f.As(op).Get($"/api/customers/{customer}/members?pageSize=0")).IsProblem(400);
    }
}
