using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Invitations;

public sealed class ResendingAndCancellingInvitations(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private Task<(string Customer, TestUser Admin)> CustomerWithAdmin() => Seed.CustomerWithAdmin(f, op);

    private Task<(string Account, string RowKey)?> Pointer(string token) =>
        f.Services.GetRequiredService<IndexTable>().ResolveAsync(IndexTable.Token(Invitation.TokenPurpose, IdGenerator.Hash(token)), CancellationToken.None);

    [Fact]
    public async Task ResendingAnInvitation_SendsANewToken_AndTheOldOneStopsWorking()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var invitee = TestUser.New("inv");
        var (id, oldToken) = await Seed.Invite(f, customer, admin, invitee);
        f.Time.Advance(TimeSpan.FromDays(2));

        var resent = (await f.As(admin).Post($"/api/customers/{customer}/invitations/{id}/resend")).Is(200);
        Assert.Equal(1, resent.Json.GetProperty("resendCount").GetInt32());
        Assert.Equal(f.Time.GetUtcNow() + TimeSpan.FromDays(7), resent.Json.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(f.Time.GetUtcNow(), resent.Json.GetProperty("sentAt").GetDateTimeOffset());
        var newToken = await Seed.CurrentToken(f, customer, id, invitee.Email);
        Assert.NotEqual(oldToken, newToken);
        Assert.Equal(2, f.Mail.To(invitee.Email).Count);
        Assert.Null(await Pointer(oldToken));
        Assert.NotNull(await Pointer(newToken));
        var e = await AccountRows.SingleEvent(f, customer, EventTypes.UserInvitationResent);
        Assert.Equal("1", e.Detail("resendCount"));

        (await f.As(invitee).Post("/api/invitations/accept", new { token = oldToken })).IsProblem(410, "invitation-invalid");
        (await f.As(invitee).Post("/api/invitations/accept", new { token = newToken })).Is(200);
    }

    [Fact]
    public async Task TheOldTokenStaysDead_EvenIfItsIndexPointerSurvived()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var invitee = TestUser.New("inv");
        var (id, oldToken) = await Seed.Invite(f, customer, admin, invitee);
        (await f.As(admin).Post($"/api/customers/{customer}/invitations/{id}/resend")).Is(200);
        // Put the old pointer back, as if RemoveToken had never run: the row's hash still refuses the old token.
        await new IndexToken(Invitation.TokenPurpose, IdGenerator.Hash(oldToken), Invitation.RowKeyFor(id)).RunAsync(customer, f.Services, CancellationToken.None);

        (await f.As(invitee).Post("/api/invitations/accept", new { token = oldToken })).IsProblem(410, "invitation-invalid");
        Assert.Empty(await AccountRows.WithPrefix(f, customer, AccountPartition.Members.Key(MemberRow.Id(invitee.Id))));
    }

    [Fact]
    public async Task AnExpiredInvitation_CanBeResent_AndThenWorksAgain()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var invitee = TestUser.New("late");
        var (id, oldToken) = await Seed.Invite(f, customer, admin, invitee);
        f.Time.Advance(TimeSpan.FromDays(8));
        (await f.As(invitee).Post("/api/invitations/accept", new { token = oldToken })).IsProblem(410, "invitation-invalid");
        Assert.Equal("expired", (await f.As(admin).Get($"/api/customers/{customer}/invitations/{id}")).Str("state"));

        (await f.As(admin).Post($"/api/customers/{customer}/invitations/{id}/resend")).Is(200);
        var newToken = await Seed.CurrentToken(f, customer, id, invitee.Email);
        Assert.Equal("pending", (await f.As(admin).Get($"/api/customers/{customer}/invitations/{id}")).Str("state"));
        (await f.As(invitee).Post("/api/invitations/accept", new { token = newToken })).Is(200);
    }

    [Fact]
    public async Task ResendingAnAcceptedOrCancelledInvitation_Is409()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var accepted = await Seed.InviteAndAccept(f, customer, admin, TestUser.New("acc"));
        var (cancelled, _) = await Seed.Invite(f, customer, admin, TestUser.New("can"));
        (await f.As(admin).Delete($"/api/customers/{customer}/invitations/{cancelled}")).Is(204);

        (await f.As(admin).Post($"/api/customers/{customer}/invitations/{accepted}/resend")).IsProblem(409, "invitation-not-pending");
        (await f.As(admin).Post($"/api/customers/{customer}/invitations/{cancelled}/resend")).IsProblem(409, "invitation-not-pending");
        (await f.As(admin).Post($"/api/customers/{customer}/invitations/nope/resend")).IsProblem(404);
    }

    [Fact]
    public async Task CancellingAnInvitation_MakesItsTokenUseless()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var invitee = TestUser.New("inv");
        var (id, token) = await Seed.Invite(f, customer, admin, invitee);

        (await f.As(admin).Delete($"/api/customers/{customer}/invitations/{id}")).Is(204);
        Assert.Equal("cancelled", (await f.As(admin).Get($"/api/customers/{customer}/invitations/{id}")).Str("state"));
        Assert.Null(await Pointer(token));
        var e = await AccountRows.SingleEvent(f, customer, EventTypes.UserInvitationCancelled);
        Assert.Equal(id, e.Detail("invitationId"));
        (await f.As(invitee).Post("/api/invitations/accept", new { token })).IsProblem(410, "invitation-invalid");

        // Cancelling again changes nothing; a new invitation to the same address may follow.
        (await f.As(admin).Delete($"/api/customers/{customer}/invitations/{id}")).Is(204);
        Assert.Single(await AccountRows.Events(f, customer), x => x.Type == EventTypes.UserInvitationCancelled);
        (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email = invitee.Email, fullName = invitee.Name })).Is(201);
    }

    [Fact]
    public async Task CancellingAnAcceptedInvitation_Is409_AndOnlyAdminsMayResendOrCancel()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var employee = TestUser.New("cemp");
        var accepted = await Seed.InviteAndAccept(f, customer, admin, employee);
        var (pending, _) = await Seed.Invite(f, customer, admin, TestUser.New("pen"));
        var stranger = TestUser.New("stranger");

        (await f.As(admin).Delete($"/api/customers/{customer}/invitations/{accepted}")).IsProblem(409, "invitation-not-pending");
        (await f.As(employee).Delete($"/api/customers/{customer}/invitations/{pending}")).IsProblem(403);
        (await f.As(employee).Post($"/api/customers/{customer}/invitations/{pending}/resend")).IsProblem(403);
        (await f.As(employee).Get($"/api/customers/{customer}/invitations/{pending}")).IsProblem(403);
        (await f.As(stranger).Delete($"/api/customers/{customer}/invitations/{pending}")).IsProblem(404);
        (await f.As(stranger).Post($"/api/customers/{customer}/invitations/{pending}/resend")).IsProblem(404);
        (await f.As(admin).Delete($"/api/customers/{customer}/invitations/does-not-exist")).IsProblem(404);
        Assert.Equal("pending", (await f.As(admin).Get($"/api/customers/{customer}/invitations/{pending}")).Str("state"));
    }
}
