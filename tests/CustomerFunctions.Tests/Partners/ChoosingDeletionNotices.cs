using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Deletion;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Partners;

/// <summary>A partner chooses who of its people hears about its customers' deletion requests (GET/PUT /api/partners/{id}/settings).</summary>
public sealed class ChoosingDeletionNotices(DeletionFixture f) : IClassFixture<DeletionFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<(Cast Cast, TestUser PartnerEmployee)> CastWithPartnerEmployee()
    {
        var cast = await Cast.CreateAsync(f, op);
        var employee = TestUser.New("pemp");
        await Seed.Member(f, cast.Partner, employee, MemberRole.PartnerEmployee);
        return (cast, employee);
    }

    private Task<Reply> RequestDeletion(Cast cast) =>
        f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { reason = "Leaving" });

    [Fact]
    public async Task APartnerThatNeverChose_HasItsAdminsTold_AndItsMembersCanReadThat()
    {
        var (cast, employee) = await CastWithPartnerEmployee();
        var settings = (await f.As(employee).Get($"/api/partners/{cast.Partner}/settings")).Is(200);
        Assert.Equal("partnerAdmins", settings.Str("deletionNotices"));
        Assert.False(settings.Json.TryGetProperty("noticeAddress", out var address) && address.ValueKind != System.Text.Json.JsonValueKind.Null);

        (await RequestDeletion(cast)).Is(201);
        await f.Mail.WaitFor(cast.PartnerAdmin.Email);
        await f.Mail.WaitFor(cast.CustomerAdmin.Email);
        Assert.Empty(f.Mail.To(employee.Email));
    }

    [Fact]
    public async Task AllMembersAndAnAddress_AreEmailed_AndTheChangeIsInTheHistory()
    {
        var (cast, employee) = await CastWithPartnerEmployee();
        var desk = $"deletions-{Guid.NewGuid():N}@partner.test";
        var saved = (await f.As(cast.PartnerAdmin).Put($"/api/partners/{cast.Partner}/settings", new { deletionNotices = "allMembers", noticeAddress = desk })).Is(200);
        Assert.Equal("allMembers", saved.Str("deletionNotices"));
        Assert.Equal(desk, saved.Str("noticeAddress"));
        Assert.Equal(desk, (await f.As(employee).Get($"/api/partners/{cast.Partner}/settings")).Is(200).Str("noticeAddress"));

        var changed = Assert.Single(await AccountRows.Events(f, cast.Partner, EventTypes.PartnerSettingsChanged));
        Assert.Equal(cast.PartnerAdmin.Id, changed.Actor.UserId);
        Assert.Equal(["deletionNotices", "noticeAddress"], changed.Changes!.Select(c => c.Field));
        // Saving the same again changes nothing, so it records nothing.
        (await f.As(op).Put($"/api/partners/{cast.Partner}/settings", new { deletionNotices = "allMembers", noticeAddress = desk })).Is(200);
        Assert.Single(await AccountRows.Events(f, cast.Partner, EventTypes.PartnerSettingsChanged));

        (await RequestDeletion(cast)).Is(201);
        await f.Mail.WaitFor(cast.PartnerAdmin.Email);
        await f.Mail.WaitFor(employee.Email);
        var deskMail = Assert.Single(await f.Mail.WaitFor(desk));
        Assert.Contains(cast.Customer, deskMail.Subject + deskMail.TextBody);
    }

    [Fact]
    public async Task None_TellsNobodyAtThePartner_ButTheCustomersAdminsStillHear()
    {
        var (cast, employee) = await CastWithPartnerEmployee();
        (await f.As(op).Put($"/api/partners/{cast.Partner}/settings", new { deletionNotices = "none" })).Is(200);

        (await RequestDeletion(cast)).Is(201);
        await f.Mail.WaitFor(cast.CustomerAdmin.Email);
        (await f.As(op).Post($"/api/customers/{cast.Customer}/deletion-request/cancel")).Is(200);
        await f.Mail.WaitFor(cast.CustomerAdmin.Email, 2);
        Assert.Empty(f.Mail.To(cast.PartnerAdmin.Email));
        Assert.Empty(f.Mail.To(employee.Email));
    }

    [Fact]
    public async Task TheDeletedNotice_FollowsTheSettingsToo()
    {
        var (cast, employee) = await CastWithPartnerEmployee();
        var desk = $"deleted-{Guid.NewGuid():N}@partner.test";
        (await f.As(cast.PartnerAdmin).Put($"/api/partners/{cast.Partner}/settings", new { deletionNotices = "allMembers", noticeAddress = desk })).Is(200);
        (await f.As(cast.PartnerAdmin).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);
        Assert.Contains(cast.Customer, (await f.Mail.WaitFor(employee.Email)).Single().TextBody);
        await f.Mail.WaitFor(desk);

        var (quiet, quietEmployee) = await CastWithPartnerEmployee();
        (await f.As(quiet.PartnerAdmin).Put($"/api/partners/{quiet.Partner}/settings", new { deletionNotices = "none" })).Is(200);
        (await f.As(quiet.PartnerAdmin).Delete($"/api/customers/{quiet.Customer}?confirm={quiet.Customer}")).Is(200);
        await f.Mail.WaitFor(quiet.CustomerAdmin.Email);
        await Task.Delay(500);
        Assert.Empty(f.Mail.To(quiet.PartnerAdmin.Email));
        Assert.Empty(f.Mail.To(quietEmployee.Email));
    }

    [Fact]
    public async Task BadSettings_Are400WithFieldErrors_AndChangeNothing()
    {
        var (cast, _) = await CastWithPartnerEmployee();
        var path = $"/api/partners/{cast.Partner}/settings";
        var admin = f.As(cast.PartnerAdmin);
        Assert.True((await admin.Put(path, new { noticeAddress = "desk@partner.test" })).IsProblem(400).HasFieldError("deletionNotices"));
        Assert.True((await admin.Put(path, new { deletionNotices = "everybody" })).IsProblem(400).HasFieldError("deletionNotices"));
        Assert.True((await admin.Put(path, new { deletionNotices = "none", noticeAddress = "not an address" })).IsProblem(400).HasFieldError("noticeAddress"));
        (await admin.Put(path, new { deletionNotices = "none", extra = true })).IsProblem(400);

        Assert.Equal("partnerAdmins", (await admin.Get(path)).Is(200).Str("deletionNotices"));
        Assert.Empty(await AccountRows.Events(f, cast.Partner, EventTypes.PartnerSettingsChanged));
    }

    [Fact]
    public async Task OtherPartnersCustomersAndEmployees_CannotReadOrChangeTheSettings()
    {
        var (cast, employee) = await CastWithPartnerEmployee();
        var other = await Cast.CreateAsync(f, op);
        var path = $"/api/partners/{cast.Partner}/settings";
        var body = new { deletionNotices = "none", noticeAddress = "attacker@evil.test" };

        (await f.As(other.PartnerAdmin).Get(path)).IsProblem(404);
        (await f.As(other.PartnerAdmin).Put(path, body)).IsProblem(404);
        (await f.As(cast.CustomerAdmin).Get(path)).IsProblem(404);
        (await f.As(cast.CustomerAdmin).Put(path, body)).IsProblem(404);
        (await f.As(employee).Put(path, body)).IsProblem(403);
        // A customer has no partner settings, even for the operator.
        (await f.As(op).Get($"/api/partners/{cast.Customer}/settings")).IsProblem(404);
        (await f.As(op).Put($"/api/partners/{cast.Customer}/settings", body)).IsProblem(404);

        Assert.Equal("partnerAdmins", (await f.As(op).Get(path)).Is(200).Str("deletionNotices"));
    }
}
