using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Members;

/// <summary>What the panel may show: memberships with status and partner, the caller's features, the anonymous sign-up settings.</summary>
public sealed class MeFeaturesAndPublicSettings(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<System.Text.Json.JsonElement> Membership(TestUser user, string accountId) =>
        (await f.As(user).Get("/api/me")).Is(200).Json.GetProperty("memberships").EnumerateArray()
            .Single(m => m.GetProperty("customerId").GetString() == accountId);

    [Fact]
    public async Task Memberships_CarryTheAccountsStatusAndPartner_AndFollowAStatusChange()
    {
        var partner = await Seed.Partner(f, op);
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op, partner);
        var membership = await Membership(admin, customer);
        Assert.Equal("active", membership.GetProperty("status").GetString());
        Assert.Equal(partner, membership.GetProperty("partnerId").GetString());

        (await f.As(op).Put($"/api/customers/{customer}/status", new { status = "disabled" })).Is(200);
        await AccountRows.Eventually(async () => (await Membership(admin, customer)).GetProperty("status").GetString() == "disabled", "the membership shows the disabled status");
    }

    [Fact]
    public async Task Memberships_CarryTheLanguageTheUserReadsIn_TheirOwnElseTheAccounts()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op, language: "de");
        Assert.Equal("de", (await Membership(admin, customer)).GetProperty("language").GetString());

        (await f.As(op).Patch($"/api/customers/{customer}/members/{admin.Id}", new { language = "en" })).Is(200);
        await AccountRows.Eventually(async () => (await Membership(admin, customer)).GetProperty("language").GetString() == "en", "the member's own language wins");

        (await f.As(op).Patch($"/api/customers/{customer}/members/{admin.Id}", new { language = (string?)null })).Is(200);
        (await f.As(op).Patch($"/api/customers/{customer}", new { language = "en" })).Is(200);
        await AccountRows.Eventually(async () => (await Membership(admin, customer)).GetProperty("language").GetString() == "en", "without their own, the account's language");
        (await f.As(op).Patch($"/api/customers/{customer}", new { language = "de" })).Is(200);
        await AccountRows.Eventually(async () => (await Membership(admin, customer)).GetProperty("language").GetString() == "de", "the account's language follows its change");
    }

    [Fact]
    public async Task Features_FollowTheOperatorSettings_AndOnlyOperatorsAndPartnerMembersMayHandOutLinks()
    {
        var partner = await Seed.Partner(f, op);
        var partnerEmployee = TestUser.New("pe");
        await Seed.Member(f, partner, partnerEmployee, MemberRole.PartnerEmployee);
        var (_, customerAdmin) = await Seed.CustomerWithAdmin(f, op, partner);
        async Task<(string? Mode, bool Links)> Features(TestUser user)
        {
            var features = (await f.As(user).Get("/api/me")).Is(200).Json.GetProperty("features");
            return (features.GetProperty("selfRegistration").GetString(), features.GetProperty("invitationLinks").GetBoolean());
        }

        (await f.As(op).Put("/api/settings", new { selfRegistration = "approvalRequired", invitationLinks = true })).Is(200);
        Assert.Equal(("approvalRequired", true), await Features(op));
        Assert.Equal(("approvalRequired", true), await Features(partnerEmployee));
        Assert.Equal(("approvalRequired", false), await Features(customerAdmin));

        (await f.As(op).Put("/api/settings", new { selfRegistration = "disabled", invitationLinks = false })).Is(200);
        Assert.Equal(("disabled", false), await Features(partnerEmployee));
    }

    [Fact]
    public async Task PublicSettings_AreAnonymous_AndCarryExactlyWhatTheSignUpPageNeeds()
    {
        (await f.As(op).Put("/api/settings", new { selfRegistration = "open", invitationLinks = true, deletionGraceDays = 12 })).Is(200);
        var settings = (await f.Anonymous.Get("/api/public/settings")).Is(200).Json;
        Assert.Equal(["invitationLinks", "languages", "selfRegistration"], settings.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("open", settings.GetProperty("selfRegistration").GetString());
        Assert.True(settings.GetProperty("invitationLinks").GetBoolean());
        Assert.Equal(["en", "de"], settings.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
    }
}
