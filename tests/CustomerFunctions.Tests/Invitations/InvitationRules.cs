using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Tests.Invitations;

/// <summary>The invitation's own rules, without storage.</summary>
public sealed class InvitationRules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static Invitation Issue(string hash = "hash-1") =>
        Invitation.Issue("inv1", "a@example.test", "A", MemberRole.CustomerEmployee, new Inviter("admin", "Admin"), hash, Now);

    [Fact]
    public void AnInvitation_IsPendingForSevenDays_ThenExpired()
    {
        var invitation = Issue();
        Assert.Equal(Now.AddDays(7), invitation.ExpiresAt);
        Assert.Equal(InvitationState.Pending, invitation.StateAt(Now.AddDays(7).AddTicks(-1)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(Now.AddDays(7)));
        Assert.True(invitation.IsOpen);
    }

    [Fact]
    public void OnlyTheCurrentHash_BeforeExpiry_IsAdmitted()
    {
        var invitation = Issue();
        Assert.True(invitation.Admits("hash-1", Now));
        Assert.False(invitation.Admits("hash-2", Now));
        Assert.False(invitation.Admits("hash-1", Now.AddDays(8)));
    }

    [Fact]
    public void Resending_ReplacesTheHash_RestartsTheClock_AndCounts()
    {
        var invitation = Issue();
        var later = Now.AddDays(9);
        invitation.Resend("hash-2", later);
        Assert.False(invitation.Admits("hash-1", later));
        Assert.True(invitation.Admits("hash-2", later));
        Assert.Equal(later.AddDays(7), invitation.ExpiresAt);
        Assert.Equal(later, invitation.SentAt);
        Assert.Equal(1, invitation.ResendCount);
    }

    [Fact]
    public void AcceptedOrCancelledInvitations_AreClosed_AndAdmitNothing()
    {
        var accepted = Issue();
        accepted.Accept("user", Now);
        Assert.Equal(InvitationState.Accepted, accepted.StateAt(Now.AddDays(30)));
        Assert.False(accepted.Admits("hash-1", Now));
        Assert.Throws<InvalidOperationException>(() => accepted.Resend("x", Now));
        Assert.Throws<InvalidOperationException>(() => accepted.Cancel());

        var cancelled = Issue();
        cancelled.Cancel();
        Assert.False(cancelled.IsOpen);
        Assert.False(cancelled.Admits("hash-1", Now));
        Assert.Throws<InvalidOperationException>(() => cancelled.Accept("user", Now));
    }

    [Fact]
    public void AnExpiredInvitation_CannotBeAccepted_ButCanBeCancelled()
    {
        var invitation = Issue();
        Assert.Throws<InvalidOperationException>(() => invitation.Accept("user", Now.AddDays(8)));
        invitation.Cancel();
        Assert.Equal(InvitationState.Cancelled, invitation.StateAt(Now.AddDays(8)));
    }

    [Fact]
    public void TheRowMapping_KeepsEveryField()
    {
        var invitation = Issue(IdGenerator.Hash("t"));
        invitation.Resend(IdGenerator.Hash("u"), Now.AddDays(1));
        invitation.Accept("user-1", Now.AddDays(2));
        var entity = new InvitationRow().ToEntity("acme", invitation);
        Assert.Equal("invitation|inv1", entity.RowKey);
        Assert.Equal("accepted", entity.GetString("State"));
        var back = new InvitationRow().FromEntity(entity);
        Assert.Equal(InvitationState.Accepted, back.State);
        Assert.Equal(invitation.TokenHash, back.TokenHash);
        Assert.Equal(invitation.ExpiresAt, back.ExpiresAt);
        Assert.Equal(1, back.ResendCount);
        Assert.Equal("user-1", back.AcceptedByUserId);
        Assert.Equal(Now.AddDays(2), back.AcceptedAt);
        Assert.Equal(new Inviter("admin", "Admin"), back.InvitedBy);
    }
}
