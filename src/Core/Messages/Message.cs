using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>
/// A notice to the users of one account. Its recipients are the members the account had when it was sent: someone who
/// joins later does not receive it (a notice is about the moment it was sent), and only those of its audience.
/// </summary>
public sealed record Message(string Id, string Subject, string Body, MessageMode Mode, DateTimeOffset SentAt, MessageSender SentBy, bool PartnerWide)
{
    /// <summary>singleRead: when the first recipient acknowledged it, which hides it for everyone.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    public string? ClosedBy { get; init; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Whom it is for; <see cref="UserIds"/> names them when it is <see cref="MessageAudience.Users"/>.</summary>
    public MessageAudience Audience { get; init; } = MessageAudience.Everyone;

    public IReadOnlyList<string> UserIds { get; init; } = [];

    public static bool IsValidId(string? id) => Keys.IsSafeKeyPart(id) && id!.Length <= 64;

    /// <summary>A member received it when they belonged to the account at sending time and are in its audience.</summary>
    public bool WasSentTo(Member member) => member.AddedAt <= SentAt && IsAddressedTo(member);

    private bool IsAddressedTo(Member member) => Audience switch
    {
        MessageAudience.Admins => member.IsAdmin,
        MessageAudience.Users => UserIds.Contains(member.UserId, StringComparer.Ordinal),
        _ => true,
    };

    /// <summary>Whether this member still has to see the message.</summary>
    public bool IsPendingFor(Member member, bool acknowledged) => !IsClosed && !acknowledged && WasSentTo(member);

    /// <summary>The state after <paramref name="userId"/> acknowledged: a singleRead message closes for everyone.</summary>
    public Message AcknowledgedBy(string userId, DateTimeOffset at) =>
        Mode == MessageMode.SingleRead && !IsClosed ? this with { ClosedAt = at, ClosedBy = userId } : this;
}
