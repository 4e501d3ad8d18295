using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Customers;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Hardening;

/// <summary>An impersonation token works only while its impersonator could start it again, re-checked on the very next request.</summary>
public sealed class ImpersonationRevocation(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    /// <summary>A partner admin's token on the partner's customer (the partner keeps a second admin, so the first may be demoted or removed).</summary>
    private async Task<(TenantScene Scene, ApiClient Token)> ImpersonatingAsync()
    {
        var scene = await TenantScene.Build(f, op, MemberRole.PartnerAdmin);
        await Seed.Member(f, scene.Partner, TestUser.New("pa2"), MemberRole.PartnerAdmin);
        var token = (await f.As(scene.PartnerStaff).Post($"/api/customers/{scene.Customer}/impersonation", new { reason = "Ticket 9" })).Is(200).Str("token");
        var client = new ApiClient(f.Http, f.BaseAddress, token);
        (await client.Get($"/api/customers/{scene.Customer}")).Is(200);
        (await client.Get("/api/me")).Is(200);
        return (scene, client);
    }

    private static async Task StoppedAsync(TenantScene scene, ApiClient token)
    {
        (await token.Get($"/api/customers/{scene.Customer}")).IsProblem(401);
        (await token.Patch($"/api/customers/{scene.Customer}", new { name = "Still me" })).IsProblem(401);
        (await token.Get("/api/me")).IsProblem(401);
        (await token.Get("/api/me/messages")).IsProblem(401);
    }

    [Fact]
    public async Task RemovingTheImpersonatorFromThePartner_StopsTheTokenAtOnce()
    {
        var (scene, token) = await ImpersonatingAsync();
        (await f.As(op).Delete($"/api/customers/{scene.Partner}/members/{scene.PartnerStaff.Id}")).Is(204);
        await StoppedAsync(scene, token);
    }

    [Fact]
    public async Task LoweringTheImpersonatorsRole_StopsTheToken()
    {
        var (scene, token) = await ImpersonatingAsync();
        (await f.As(op).Put($"/api/customers/{scene.Partner}/members/{scene.PartnerStaff.Id}/role", new { role = "partnerEmployee" })).Is(200);
        await StoppedAsync(scene, token);
    }

    [Fact]
    public async Task DisablingThePartner_StopsTheToken_ForGood()
    {
        var (scene, token) = await ImpersonatingAsync();
        (await f.As(op).Put($"/api/customers/{scene.Partner}/status", new { status = "disabled" })).Is(200);
        await StoppedAsync(scene, token);
        f.Time.Advance(TimeSpan.FromSeconds(2));
        (await f.As(op).Put($"/api/customers/{scene.Partner}/status", new { status = "active" })).Is(200);
        await StoppedAsync(scene, token);
    }

    [Fact]
    public async Task DeletingThePartner_StopsTheToken()
    {
        var (scene, token) = await ImpersonatingAsync();
        await AccountState.Set(f, scene.Partner, a => a.With(status: AccountStatus.Deleted));
        await StoppedAsync(scene, token);
    }

    [Fact]
    public async Task DisablingTheAccount_StopsTheToken()
    {
        var (scene, token) = await ImpersonatingAsync();
        (await f.As(op).Put($"/api/customers/{scene.Customer}/status", new { status = "disabled" })).Is(200);
        await StoppedAsync(scene, token);
    }

    [Fact]
    public async Task AnOperatorsToken_DependsOnItsAccount_NotOnThePartner()
    {
        var scene = await TenantScene.Build(f, op, MemberRole.PartnerAdmin);
        var token = new ApiClient(f.Http, f.BaseAddress, (await f.As(op).Post($"/api/customers/{scene.Customer}/impersonation", new { reason = "Audit" })).Is(200).Str("token"));
        (await f.As(op).Put($"/api/customers/{scene.Partner}/status", new { status = "disabled" })).Is(200);
        (await token.Get($"/api/customers/{scene.Customer}")).Is(200);
        (await token.Get("/api/me")).Is(200);
        (await f.As(op).Put($"/api/customers/{scene.Customer}/status", new { status = "disabled" })).Is(200);
        await StoppedAsync(scene, token);
    }
}
