using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Core.Invitations;

public sealed record InviterView(string UserId, string? Name);

/// <summary>An invitation as the API returns it (never with its token).</summary>
public sealed record InvitationView(
    string Id, InvitationState State, string Email, string FullName, MemberRole Role, DateTimeOffset ExpiresAt, DateTimeOffset SentAt,
    int ResendCount, InviterView InvitedBy, DateTimeOffset CreatedAt, string? AcceptedByUserId, DateTimeOffset? AcceptedAt)
{
    public static InvitationView From(Invitation i, DateTimeOffset now) => new(
        i.Id, i.StateAt(now), i.Email, i.FullName, i.Role, i.ExpiresAt, i.SentAt, i.ResendCount,
        new InviterView(i.InvitedBy.UserId, i.InvitedBy.Name), i.CreatedAt, i.AcceptedByUserId, i.AcceptedAt);
}

/// <summary>One page of an account's invitations.</summary>
public sealed record InvitationList(IReadOnlyList<InvitationView> Items, string? ContinuationToken);

public sealed record CreateInvitationBody(string? Email, string? FullName, MemberRole? Role);

public sealed record AcceptInvitationBody(string? Token);

/// <summary>The answer to accepting: the account the caller now belongs to, and with which role.</summary>
public sealed record AcceptedInvitationView(string CustomerId, string Name, Customers.AccountKind Kind, MemberRole Role, bool AlreadyMember);
