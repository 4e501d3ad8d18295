using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Customers;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Hardening;

/// <summary>A partner's standing bounds what its members may do to its customers: read only while disabled, nothing once deleted.</summary>
public sealed class DisabledPartners(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task ADisabledPartnersMembers_ReadTheirCustomers_ButChangeNothing_UntilItIsEnabledAgain()
    {
        var scene = await TenantScene.Build(f, op, MemberRole.PartnerAdmin);
        var staff = f.As(scene.PartnerStaff);
        var customer = $"/api/customers/{scene.Customer}";
        (await f.As(op).Put($"/api/customers/{scene.Partner}/status", new { status = "disabled" })).Is(200);

        (await staff.Get(customer)).Is(200);
        (await staff.Get($"{customer}/members")).Is(200);
        (await staff.Patch(customer, new { name = "Taken over" })).IsProblem(403);
        (await staff.Put($"{customer}/status", new { status = "disabled" })).IsProblem(403);
        (await staff.Post($"{customer}/impersonation", new { reason = "support" })).IsProblem(403);
        (await staff.Post($"{customer}/invitations", new { email = "new@example.test", fullName = "New" })).IsProblem(403);
        (await staff.Post("/api/customers", new { id = Ids.Account("new"), name = "New customer" })).IsProblem(403);
        (await staff.Get("/api/customers")).Is(200);
        Assert.Equal("Customer " + scene.Customer, (await f.As(op).Get(customer)).Is(200).Str("name"));
        // The customer's own admin is not bound by its partner's standing.
        (await f.As(scene.Admin).Patch(customer, new { name = "Still ours" })).Is(200);

        (await f.As(op).Put($"/api/customers/{scene.Partner}/status", new { status = "active" })).Is(200);
        (await staff.Patch(customer, new { name = "Managed again" })).Is(200);
        (await staff.Post("/api/customers", new { id = Ids.Account("new"), name = "New customer" })).Is(201);
    }

    [Fact]
    public async Task ADeletedPartnersMembers_NoLongerSeeItsCustomers()
    {
        var scene = await TenantScene.Build(f, op, MemberRole.PartnerEmployee);
        (await f.As(scene.PartnerStaff).Get($"/api/customers/{scene.Customer}")).Is(200);
        await AccountState.Set(f, scene.Partner, a => a.With(status: AccountStatus.Deleted));

        (await f.As(scene.PartnerStaff).Get($"/api/customers/{scene.Customer}")).IsProblem(404);
        (await f.As(scene.PartnerStaff).Patch($"/api/customers/{scene.Customer}", new { name = "Ghost" })).IsProblem(404);
        (await f.As(op).Get($"/api/customers/{scene.Customer}")).Is(200);
    }
}
