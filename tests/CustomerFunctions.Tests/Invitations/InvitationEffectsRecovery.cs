using System.Text.Json;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Invitations;

/// <summary>An invitation's side effects (token pointer, email) survive a crash right after the commit, and run to one email.</summary>
public sealed class InvitationEffectsRecovery(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private Task<(string Customer, TestUser Admin)> CustomerWithAdmin() => Seed.CustomerWithAdmin(f, op);

    /// <summary>Posts the invitation while the process "crashes" right after committing: 500, the outbox row stays.</summary>
    private async Task<string> InviteThroughACrash(string customer, TestUser admin, TestUser invitee)
    {
        await AccountRows.RecoveryQueueDrained(f);
        f.Faults.FailWhen(point => point == FaultInjection.AfterCommit);
        try
        {
            (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email = invitee.Email, fullName = invitee.Name })).IsProblem(500);
        }
        finally
        {
            f.Faults.FailWhen(null);
        }
        return Assert.Single(await AccountRows.WithPrefix(f, customer, InvitationRow.Prefix)).GetString("InvitationId")!;
    }

    private async Task EmailQueueDrained() =>
        await AccountRows.Eventually(async () => (await f.StorageClients.EmailQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the email queue is empty");

    [Fact]
    public async Task CrashAfterCommittingAnInvitation_RecoveryIndexesTheTokenAndSendsExactlyOneEmail()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var invitee = TestUser.New("crash");

        var id = await InviteThroughACrash(customer, admin, invitee);
        Assert.Single(await AccountRows.Outbox(f, customer));
        // The client retries the failed request: the invitation exists, so this is a conflict, not a second invitation.
        (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email = invitee.Email, fullName = invitee.Name })).IsProblem(409, "invitation-pending");

        var token = await Seed.CurrentToken(f, customer, id, invitee.Email);
        await AccountRows.Eventually(async () => (await AccountRows.Outbox(f, customer)).Count == 0, "recovery finished the outbox row");
        await EmailQueueDrained();
        Assert.Single(f.Mail.To(invitee.Email));
        (await f.As(invitee).Post("/api/invitations/accept", new { token })).Is(200);
    }

    [Fact]
    public async Task ReplayingAnInvitationsSideEffects_SendsNoSecondEmail_AndTheTokenStillWorksOnce()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var invitee = TestUser.New("replay");
        var id = await InviteThroughACrash(customer, admin, invitee);

        // Carry out the effects once by hand, as a request that died just before deleting its outbox row would have.
        var outbox = Assert.Single(await AccountRows.Outbox(f, customer));
        var effects = JsonSerializer.Deserialize<List<SideEffect>>(outbox.GetString("Effects")!, Json.Effects)!;
        Assert.Contains(effects, e => e is IndexToken);
        var send = Assert.Single(effects.OfType<SendEmail>());
        foreach (var effect in effects)
        {
            await effect.RunAsync(customer, f.Services, CancellationToken.None);
        }
        var token = await Seed.CurrentToken(f, customer, id, invitee.Email);
        await EmailQueueDrained();
        var file = Path.Combine(f.PickupDirectory, send.Message.Id + ".eml");
        var firstWrite = File.GetLastWriteTimeUtc(file);

        // Recovery now runs the same effects again.
        await AccountRows.Eventually(async () => (await AccountRows.Outbox(f, customer)).Count == 0, "recovery replayed the outbox row");
        await EmailQueueDrained();
        Assert.Single(f.Mail.To(invitee.Email));
        Assert.Equal(firstWrite, File.GetLastWriteTimeUtc(file));

        (await f.As(invitee).Post("/api/invitations/accept", new { token })).Is(200);
        (await f.As(invitee).Post("/api/invitations/accept", new { token })).IsProblem(410, "invitation-invalid");
    }

    [Fact]
    public async Task CrashAfterCommittingAnAcceptance_TheMembershipStillReachesTheIndex_AndTheTokenIsSpent()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var invitee = TestUser.New("accept");
        var (_, token) = await Seed.Invite(f, customer, admin, invitee);
        await AccountRows.RecoveryQueueDrained(f);

        f.Faults.FailWhen(point => point == FaultInjection.AfterCommit);
        try
        {
            (await f.As(invitee).Post("/api/invitations/accept", new { token })).IsProblem(500);
        }
        finally
        {
            f.Faults.FailWhen(null);
        }
        // Retrying is refused even before recovery removes the pointer: the row is accepted.
        (await f.As(invitee).Post("/api/invitations/accept", new { token })).IsProblem(410, "invitation-invalid");

        await AccountRows.Eventually(async () =>
            (await f.As(invitee).Get("/api/me")).Json.GetProperty("memberships").EnumerateArray().Any(m => m.GetProperty("customerId").GetString() == customer),
            "the membership reached the index");
        var index = f.Services.GetRequiredService<IndexTable>();
        await AccountRows.Eventually(async () => await index.ResolveAsync(IndexTable.Token(Invitation.TokenPurpose, IdGenerator.Hash(token)), CancellationToken.None) is null,
            "the token pointer is gone");
    }
}
