using System.Text.Json;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Customers;

/// <summary>PUT /api/customers/{id}/kind: an operator makes a customer without a managing partner a partner.</summary>
public sealed class BecomingAPartner(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private sealed record Scene(string Account, TestUser Admin, TestUser Employee);

    private async Task<Scene> UnmanagedCustomer()
    {
        var account = await Seed.Customer(f, op);
        var admin = TestUser.New("cadmin");
        var employee = TestUser.New("cemp");
        await Seed.Member(f, account, admin, MemberRole.CustomerAdmin);
        await Seed.Member(f, account, employee, MemberRole.CustomerEmployee);
        return new Scene(account, admin, employee);
    }

    private Task<Reply> BecomePartner(TestUser caller, string account, object? body = null) =>
        f.As(caller).Put($"/api/customers/{account}/kind", body ?? new { kind = "partner" });

    private async Task<Dictionary<string, string?>> Roles(string account) =>
        (await f.As(op).Get($"/api/customers/{account}/members")).Is(200).Json.GetProperty("items").EnumerateArray()
            .ToDictionary(m => m.GetProperty("userId").GetString()!, m => m.GetProperty("role").GetString());

    private async Task<JsonElement> MembershipOf(TestUser user, string account) =>
        (await f.As(user).Get("/api/me")).Is(200).Json.GetProperty("memberships").EnumerateArray().Single(m => m.GetProperty("customerId").GetString() == account);

    [Fact]
    public async Task TheCustomerBecomesAPartner_ItsAdminsPartnerAdmins_ItsEmployeesPartnerEmployees()
    {
        var s = await UnmanagedCustomer();
        var invitee = TestUser.New("late");
        var (_, token) = await Seed.Invite(f, s.Account, op, invitee, "customerEmployee");

        var changed = (await BecomePartner(op, s.Account)).Is(200);
        Assert.Equal("partner", changed.Str("kind"));
        Assert.Equal("partner", (await f.As(op).Get($"/api/customers/{s.Account}")).Is(200).Str("kind"));
        var roles = await Roles(s.Account);
        Assert.Equal("partnerAdmin", roles[s.Admin.Id]);
        Assert.Equal("partnerEmployee", roles[s.Employee.Id]);

        var kindEvent = Assert.Single(await AccountRows.Events(f, s.Account, EventTypes.AccountKindChanged));
        Assert.Equal(op.Id, kindEvent.Actor.UserId);
        var change = Assert.Single(kindEvent.Changes!);
        Assert.Equal("kind", change.Field);

        // The index effects: /api/me tells the new partner's people, and its admin creates customers under it.
        var membership = await MembershipOf(s.Admin, s.Account);
        Assert.Equal("partner", membership.GetProperty("kind").GetString());
        Assert.Equal("partnerAdmin", membership.GetProperty("role").GetString());
        var managed = Ids.Account("managed");
        (await f.As(s.Employee).Post("/api/customers", new { id = managed, name = "Managed", partnerId = s.Account })).Is(201);
        Assert.Equal(s.Account, (await f.As(s.Admin).Get($"/api/customers/{managed}")).Is(200).Str("partnerId"));

        // An invitation sent before gives the partner role of the same rank.
        (await f.As(invitee).Post("/api/invitations/accept", new { token })).Is(200);
        Assert.Equal("partnerEmployee", (await Roles(s.Account))[invitee.Id]);

        // Again: nothing left to change, nothing recorded.
        (await BecomePartner(op, s.Account)).Is(200);
        Assert.Single(await AccountRows.Events(f, s.Account, EventTypes.AccountKindChanged));
    }

    [Fact]
    public async Task BadBodies_Are400WithFieldErrors_AndChangeNothing()
    {
        var s = await UnmanagedCustomer();
        Assert.True((await BecomePartner(op, s.Account, new { })).IsProblem(400).HasFieldError("kind"));
        Assert.True((await BecomePartner(op, s.Account, new { kind = "customer" })).IsProblem(400).HasFieldError("kind"));
        Assert.True((await BecomePartner(op, s.Account, new { kind = "reseller" })).IsProblem(400).HasFieldError("kind"));
        (await BecomePartner(op, s.Account, new { kind = "partner", partnerId = "x" })).IsProblem(400);

        Assert.Equal("customer", (await f.As(op).Get($"/api/customers/{s.Account}")).Is(200).Str("kind"));
        Assert.Equal("customerAdmin", (await Roles(s.Account))[s.Admin.Id]);
        Assert.Empty(await AccountRows.Events(f, s.Account, EventTypes.AccountKindChanged));
    }

    [Fact]
    public async Task AManagedCustomer_OrOneWithProjects_DoesNotBecomeAPartner()
    {
        var partner = await Seed.Partner(f, op);
        var managed = await Seed.Customer(f, op, partner);
        (await BecomePartner(op, managed)).IsProblem(409, "managed-by-partner");

        var s = await UnmanagedCustomer();
        (await f.As(op).Post($"/api/customers/{s.Account}/projects", new { id = "web", name = "Web" })).Is(201);
        (await BecomePartner(op, s.Account)).IsProblem(409, "account-has-projects");
        (await f.As(op).Delete($"/api/customers/{s.Account}/projects/web")).Is(204);
        (await BecomePartner(op, s.Account)).Is(200);

        Assert.Equal("customer", (await f.As(op).Get($"/api/customers/{managed}")).Is(200).Str("kind"));
    }

    [Fact]
    public async Task OnlyOperators_MayMakeAPartner_NotTheCustomersOwnAdmin_NorAPartner()
    {
        var s = await UnmanagedCustomer();
        var partner = await Seed.Partner(f, op);
        var partnerAdmin = TestUser.New("padmin");
        await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);
        var managed = await Seed.Customer(f, op, partner);

        (await BecomePartner(s.Admin, s.Account)).IsProblem(403);
        (await BecomePartner(s.Employee, s.Account)).IsProblem(403);
        (await BecomePartner(partnerAdmin, s.Account)).IsProblem(404);
        (await BecomePartner(partnerAdmin, managed)).IsProblem(403);
        (await BecomePartner(TestUser.New("stranger"), s.Account)).IsProblem(404);
        (await f.Anonymous.Put($"/api/customers/{s.Account}/kind", new { kind = "partner" })).Is(401);

        Assert.Equal("customer", (await f.As(op).Get($"/api/customers/{s.Account}")).Is(200).Str("kind"));
        Assert.Empty(await AccountRows.Events(f, s.Account, EventTypes.AccountKindChanged));
    }
}
