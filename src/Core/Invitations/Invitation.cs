using System.Security.Cryptography;
using System.Text;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Invitations;

/// <summary>
/// An invitation to join an account. Its token is never kept: only the hash of the one token that currently works, so
/// a resend (new hash) kills the old token and accepting or cancelling kills it for good.
/// </summary>
public sealed class Invitation
{
    public const string TokenPurpose = "invitation";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public required string Id { get; init; }
    public required string Email { get; init; }
    public required string FullName { get; init; }
    public required MemberRole Role { get; init; }
    public required Inviter InvitedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The language of the invitation email and, once accepted, of the member's emails; null: the account's.</summary>
    public string? Language { get; init; }

    /// <summary>Pending, Accepted or Cancelled: never Expired, which depends on the clock (see <see cref="StateAt"/>).</summary>
    public InvitationState State { get; private set; } = InvitationState.Pending;
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public int ResendCount { get; private set; }
    public string? AcceptedByUserId { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>The resends of the current resend window (see <see cref="TakeResend"/>).</summary>
    public FixedWindow ResendWindow { get; private set; } = FixedWindow.Empty;

    public static Invitation Issue(string id, string email, string fullName, MemberRole role, Inviter invitedBy, string tokenHash, DateTimeOffset now, string? language = null) =>
        new Invitation { Id = id, Email = email, FullName = fullName, Role = role, InvitedBy = invitedBy, CreatedAt = now, Language = language }
            .Restore(InvitationState.Pending, tokenHash, now + Lifetime, now, 0, null, null);

    /// <summary>Sets the state that changes over an invitation's life (used when issuing and when reading a stored row).</summary>
    internal Invitation Restore(InvitationState state, string tokenHash, DateTimeOffset expiresAt, DateTimeOffset sentAt, int resendCount, string? acceptedBy, DateTimeOffset? acceptedAt)
    {
        State = state == InvitationState.Expired ? InvitationState.Pending : state;
        TokenHash = tokenHash;
        ExpiresAt = expiresAt;
        SentAt = sentAt;
        ResendCount = resendCount;
        AcceptedByUserId = acceptedBy;
        AcceptedAt = acceptedAt;
        return this;
    }

    public bool IsExpired(DateTimeOffset now) => State == InvitationState.Pending && now >= ExpiresAt;

    /// <summary>The state the API shows: a pending invitation past its expiry is expired.</summary>
    public InvitationState StateAt(DateTimeOffset now) => IsExpired(now) ? InvitationState.Expired : State;

    /// <summary>Not yet accepted or cancelled; an expired one can still be resent or cancelled.</summary>
    public bool IsOpen => State == InvitationState.Pending;

    /// <summary>Whether <paramref name="tokenHash"/> is this invitation's current token and it can still be accepted.</summary>
    public bool Admits(string tokenHash, DateTimeOffset now) =>
        StateAt(now) == InvitationState.Pending &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(TokenHash), Encoding.ASCII.GetBytes(tokenHash));

    /// <summary>Replaces the token and restarts the clock; the caller checked <see cref="IsOpen"/>.</summary>
    public void Resend(string newTokenHash, DateTimeOffset now)
    {
        Require(IsOpen);
        TokenHash = newTokenHash;
        SentAt = now;
        ExpiresAt = now + Lifetime;
        ResendCount++;
    }

    /// <summary>Counts a resend in its window; null when allowed, else how long until the window ends.</summary>
    public TimeSpan? TakeResend(DateTimeOffset now, TimeSpan window, int limit)
    {
        var (next, retryAfter) = ResendWindow.Take(now, window, limit);
        ResendWindow = next;
        return retryAfter;
    }

    internal Invitation RestoreResendWindow(FixedWindow window)
    {
        ResendWindow = window;
        return this;
    }

    public void Cancel()
    {
        Require(IsOpen);
        State = InvitationState.Cancelled;
    }

    public void Accept(string userId, DateTimeOffset now)
    {
        Require(!IsExpired(now) && IsOpen);
        State = InvitationState.Accepted;
        AcceptedByUserId = userId;
        AcceptedAt = now;
    }

    private static void Require(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The invitation is no longer open.");
        }
    }
}
