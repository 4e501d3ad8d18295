using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Tests.Infrastructure;

/// <summary>A partner with one staff member, one of its customers with an admin and an employee, and a foreign partner's admin.</summary>
public sealed record TenantScene(string Partner, string Customer, TestUser PartnerStaff, TestUser Admin, TestUser Employee, TestUser Stranger)
{
    public static async Task<TenantScene> Build(ServiceFixture f, TestUser op, MemberRole partnerStaffRole, int? projectQuota = null)
    {
        var partner = await Seed.Partner(f, op);
        var customer = Ids.Account("cust");
        object body = projectQuota is { } quota
            ? new { id = customer, name = "Customer " + customer, partnerId = partner, projectQuota = quota }
            : new { id = customer, name = "Customer " + customer, partnerId = partner };
        (await f.As(op).Post("/api/customers", body)).Is(201);
        var foreign = await Seed.Partner(f, op);
        var scene = new TenantScene(partner, customer, TestUser.New("pstaff"), TestUser.New("cadmin"), TestUser.New("cemp"), TestUser.New("stranger"));
        await Seed.Member(f, partner, scene.PartnerStaff, partnerStaffRole);
        await Seed.Member(f, customer, scene.Admin, MemberRole.CustomerAdmin);
        await Seed.Member(f, customer, scene.Employee, MemberRole.CustomerEmployee);
        await Seed.Member(f, foreign, scene.Stranger, MemberRole.PartnerAdmin);
        return scene;
    }
}
