using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;
using static CustomerFunctions.Tests.Registration.RegistrationSteps;

namespace CustomerFunctions.Tests.Registration;

public sealed class UsingInvitationLinks(RegistrationFixture f) : IClassFixture<RegistrationFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<(string Partner, TestUser Admin)> PartnerWithAdmin()
    {
        var partner = await Seed.Partner(f, op);
        var admin = TestUser.New("padmin");
        await Seed.Member(f, partner, admin, MemberRole.PartnerAdmin);
        return (partner, admin);
    }

    private async Task<Reply> CreateLink(TestUser user, string partner, TimeSpan? lifetime = null, int? maxUses = null) =>
        await f.As(user).Post($"/api/partners/{partner}/invitation-links", maxUses is null
            ? new { expiresAt = f.Time.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(7)) }
            : (object)new { expiresAt = f.Time.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(7)), maxUses });

    [Fact]
    public async Task PartnerMembers_CreateListAndRevokeLinks_AndTheListShowsEachActiveUrl()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var employee = TestUser.New("pemp");
        await Seed.Member(f, partner, employee, MemberRole.PartnerEmployee);

        var created = (await CreateLink(admin, partner, maxUses: 5)).Is(201);
        var id = created.Str("id");
        Assert.Equal($"/api/partners/{partner}/invitation-links/{id}", created.Location);
        Assert.StartsWith("https://panel.test/register?token=", created.Str("url"));
        Assert.True(TokenOfUrl(created.Str("url")).Length >= 40);
        Assert.Equal(5, created.Json.GetProperty("maxUses").GetInt32());
        Assert.Equal("active", created.Str("state"));
        (await CreateLink(employee, partner)).Is(201);
        (await CreateLink(op, partner)).Is(201);

        var list = (await f.As(employee).Get($"/api/partners/{partner}/invitation-links")).Is(200);
        Assert.Equal(3, list.Json.GetProperty("items").GetArrayLength());
        var listedUrl = list.Json.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("id").GetString() == id).GetProperty("url").GetString();
        Assert.Equal(created.Str("url"), listedUrl);

        (await f.As(admin).Delete($"/api/partners/{partner}/invitation-links/{id}")).Is(204);
        (await f.As(admin).Delete($"/api/partners/{partner}/invitation-links/{id}")).Is(204);
        (await f.As(admin).Delete($"/api/partners/{partner}/invitation-links/no-such-link")).IsProblem(404);
        var after = (await f.As(op).Get($"/api/partners/{partner}/invitation-links")).Is(200).Json.GetProperty("items").EnumerateArray();
        Assert.Equal("revoked", after.Single(l => l.GetProperty("id").GetString() == id).GetProperty("state").GetString());
    }

    [Fact]
    public async Task OtherPeople_CannotSeeOrTouchAPartnersLinks()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, _) = await PartnerWithAdmin();
        var (otherPartner, otherAdmin) = await PartnerWithAdmin();
        var link = (await CreateLink(op, partner)).Is(201).Str("id");

        (await f.As(otherAdmin).Get($"/api/partners/{partner}/invitation-links")).IsProblem(404);
        (await CreateLink(otherAdmin, partner)).IsProblem(404);
        (await f.As(otherAdmin).Delete($"/api/partners/{partner}/invitation-links/{link}")).IsProblem(404);

        // A customer is not a partner, even to its own admins; and the partner's link ids are not reachable from another partner.
        var customer = await Seed.Customer(f, op, partner);
        var customerAdmin = TestUser.New("cadmin");
        await Seed.Member(f, customer, customerAdmin, MemberRole.CustomerAdmin);
        (await CreateLink(customerAdmin, customer)).IsProblem(404);
        (await f.As(otherAdmin).Delete($"/api/partners/{otherPartner}/invitation-links/{link}")).IsProblem(404);
    }

    [Fact]
    public async Task BadLinkBodies_Are400()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        (await CreateLink(admin, partner, lifetime: TimeSpan.FromMinutes(-1))).IsProblem(400);
        (await CreateLink(admin, partner, lifetime: TimeSpan.FromDays(400))).IsProblem(400);
        (await CreateLink(admin, partner, maxUses: 0)).IsProblem(400);
        (await f.As(admin).Post($"/api/partners/{partner}/invitation-links", new { maxUses = 3 })).IsProblem(400);
    }

    [Fact]
    public async Task WhileLinksAreOff_LinkRoutesAre403_AndLinkTokensDoNotOpenRegistration()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var link = (await CreateLink(admin, partner)).Is(201);
        var email = Email();
        var pendingToken = await RegisterAndReadToken(f, Ids.Account("off"), email, TokenOfUrl(link.Str("url")));

        await Configure(f, op, "disabled", invitationLinks: false);
        (await CreateLink(admin, partner)).IsProblem(403, "invitation-links-disabled");
        (await f.As(admin).Get($"/api/partners/{partner}/invitation-links")).IsProblem(403, "invitation-links-disabled");
        (await f.As(admin).Delete($"/api/partners/{partner}/invitation-links/{link.Str("id")}")).IsProblem(403, "invitation-links-disabled");
        (await Register(f, Ids.Account("off"), Email(), TokenOfUrl(link.Str("url")))).IsProblem(403, "invitation-link-invalid");
        (await Confirm(f, TestUser.New("off"), pendingToken)).IsProblem(403, "invitation-link-invalid");
    }

    [Fact]
    public async Task RegisteringThroughALink_MakesTheCustomerThePartners_EvenWhileSelfRegistrationIsClosed()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var link = (await CreateLink(admin, partner)).Is(201);
        var id = Ids.Account("linked");
        var token = await RegisterAndReadToken(f, id, Email(), TokenOfUrl(link.Str("url")));
        var registrant = TestUser.New("linked");
        var created = (await Confirm(f, registrant, token)).Is(201);
        Assert.Equal(partner, created.Str("partnerId"));
        Assert.Equal("active", created.Str("status"));
        Assert.Equal(partner, (await f.As(admin).Get($"/api/customers/{id}")).Is(200).Str("partnerId"));
        (await f.As(registrant).Get($"/api/customers/{id}")).Is(200);

        var listed = (await f.As(admin).Get($"/api/partners/{partner}/invitation-links")).Is(200).Json.GetProperty("items")[0];
        Assert.Equal(1, listed.GetProperty("uses").GetInt32());
    }

    [Fact]
    public async Task WithApprovalRequired_ThePartnerApprovesItsLinkedRegistration()
    {
        await Configure(f, op, "approvalRequired", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var (_, otherAdmin) = await PartnerWithAdmin();
        var link = (await CreateLink(admin, partner)).Is(201);
        var id = Ids.Account("approve");
        var email = Email();
        var token = await RegisterAndReadToken(f, id, email, TokenOfUrl(link.Str("url")));
        (await Confirm(f, TestUser.New("waiting"), token)).Is(201);

        (await f.As(otherAdmin).Post($"/api/customers/{id}/approval")).IsProblem(404);
        Assert.Equal("active", (await f.As(admin).Post($"/api/customers/{id}/approval")).Is(200).Str("status"));
        var mails = await f.Mail.WaitFor(email, 3);
        Assert.Contains(mails, m => m.Subject!.Contains("is approved", StringComparison.Ordinal));
        Assert.Contains("CUSTOMER_APPROVED", await EventTypes(f, id));
    }

    [Fact]
    public async Task ARevokedLink_IsRefused_AtRegistrationAndAtConfirmation()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var link = (await CreateLink(admin, partner)).Is(201);
        var linkToken = TokenOfUrl(link.Str("url"));
        var pending = await RegisterAndReadToken(f, Ids.Account("rev"), Email(), linkToken);

        (await f.As(admin).Delete($"/api/partners/{partner}/invitation-links/{link.Str("id")}")).Is(204);
        (await Register(f, Ids.Account("rev"), Email(), linkToken)).IsProblem(403, "invitation-link-invalid");
        (await Confirm(f, TestUser.New("rev"), pending)).IsProblem(403, "invitation-link-invalid");
    }

    [Fact]
    public async Task AnExpiredLink_IsRefused()
    {
        await Configure(f, op, "open", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var link = (await CreateLink(admin, partner, lifetime: TimeSpan.FromHours(1))).Is(201);
        var linkToken = TokenOfUrl(link.Str("url"));
        var pending = await RegisterAndReadToken(f, Ids.Account("exp"), Email(), linkToken);

        f.Time.Advance(TimeSpan.FromHours(2));
        (await Register(f, Ids.Account("exp"), Email(), linkToken)).IsProblem(403, "invitation-link-invalid");
        (await Confirm(f, TestUser.New("exp"), pending)).IsProblem(403, "invitation-link-invalid");
        var listed = (await f.As(admin).Get($"/api/partners/{partner}/invitation-links")).Is(200).Json.GetProperty("items")[0];
        Assert.Equal("expired", listed.GetProperty("state").GetString());
    }

    [Fact]
    public async Task AUsedUpLink_IsRefused_AndParallelConfirmationsNeverPassItsMaximum()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var link = (await CreateLink(admin, partner, maxUses: 2)).Is(201);
        var linkToken = TokenOfUrl(link.Str("url"));

        // Registering does not use the link up; confirming does, so more may register than may confirm.
        var tokens = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            tokens.Add(await RegisterAndReadToken(f, Ids.Account("max"), Email(), linkToken));
        }
        var replies = await Task.WhenAll(tokens.Select(t => Confirm(f, TestUser.New("max"), t)));
        Assert.Equal(2, replies.Count(r => r.Status == 201));
        Assert.All(replies.Where(r => r.Status != 201), r => r.IsProblem(403, "invitation-link-invalid"));

        (await Register(f, Ids.Account("max"), Email(), linkToken)).IsProblem(403, "invitation-link-invalid");
        var listed = (await f.As(admin).Get($"/api/partners/{partner}/invitation-links")).Is(200).Json.GetProperty("items")[0];
        Assert.Equal("usedUp", listed.GetProperty("state").GetString());
        Assert.Equal(2, listed.GetProperty("uses").GetInt32());
    }

    [Fact]
    public async Task AUseIsGivenBack_WhenTheIdentifierWasTakenMeanwhile()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var linkToken = TokenOfUrl((await CreateLink(admin, partner, maxUses: 1)).Is(201).Str("url"));
        var taken = await Seed.Customer(f, op);
        var pending = await RegisterAndReadToken(f, taken, Email(), linkToken);
        (await Confirm(f, TestUser.New("late"), pending)).IsProblem(409, "identifier-taken");

        var token = await RegisterAndReadToken(f, Ids.Account("next"), Email(), linkToken);
        (await Confirm(f, TestUser.New("next"), token)).Is(201);
    }

    [Fact]
    public async Task AnUnknownLinkToken_IsRefused_EvenWhileRegistrationIsOpen()
    {
        await Configure(f, op, "open", invitationLinks: true);
        (await Register(f, Ids.Account("unk"), Email(), "made-up-token")).IsProblem(403, "invitation-link-invalid");
    }
}
