using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Core.Invitations;

/// <summary>An invitation as the API returns it (never with its token).</summary>
public sealed record InvitationView(
    string Id, InvitationState State, string Email, string FullName, MemberRole Role, DateTimeOffset ExpiresAt, DateTimeOffset SentAt,
    int ResendCount, InviterView InvitedBy, DateTimeOffset CreatedAt, string? AcceptedByUserId, DateTimeOffset? AcceptedAt)
{
    public static InvitationView From(Invitation i, DateTimeOffset now) => new(
        i.Id, i.StateAt(now), i.Email, i.FullName, i.Role, i.ExpiresAt, i.SentAt, i.ResendCount,
        new InviterView(i.InvitedBy.UserId, i.InvitedBy.Name), i.CreatedAt, i.AcceptedByUserId, i.AcceptedAt);
}
