using Azure.Data.Tables;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

public enum MessageMode { AllMustRead, SingleRead }

/// <summary>Who sent a message (the impersonator too, should one ever send).</summary>
public sealed record MessageSender(string UserId, string? Name, string? ImpersonatedBy = null);

/// <summary>
/// A notice to the users of one account, stored as <c>message|{id}</c> in its partition. Its recipients are the members
/// the account had when it was sent: someone who joins later does not receive it (a notice is about the moment it was sent).
/// </summary>
public sealed record Message(string Id, string Subject, string Body, MessageMode Mode, DateTimeOffset SentAt, MessageSender SentBy, bool PartnerWide)
{
    public const string Prefix = "message|";

    /// <summary>singleRead: when the first recipient acknowledged it, which hides it for everyone.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    public string? ClosedBy { get; init; }

    public bool IsClosed => ClosedAt is not null;

    public static string RowKey(string messageId) => Prefix + messageId;

    public static bool IsValidId(string? id) => Keys.IsSafeKeyPart(id) && id!.Length <= 64;

    public bool WasSentTo(Member member) => member.AddedAt <= SentAt;

    /// <summary>Whether this member still has to see the message.</summary>
    public bool IsPendingFor(Member member, bool acknowledged) => !IsClosed && !acknowledged && WasSentTo(member);

    /// <summary>The state after <paramref name="userId"/> acknowledged: a singleRead message closes for everyone.</summary>
    public Message AcknowledgedBy(string userId, DateTimeOffset at) =>
        Mode == MessageMode.SingleRead && !IsClosed ? this with { ClosedAt = at, ClosedBy = userId } : this;

    public TableEntity ToEntity(string accountId) => new(accountId, RowKey(Id))
    {
        ["MessageId"] = Id,
        ["Subject"] = Subject,
        ["Body"] = Body,
        ["Mode"] = Mode.ToString(),
        ["SentAt"] = SentAt,
        ["SentBy"] = SentBy.UserId,
        ["SentByName"] = SentBy.Name,
        ["SentByImpersonator"] = SentBy.ImpersonatedBy,
        ["PartnerWide"] = PartnerWide,
        ["ClosedAt"] = ClosedAt,
        ["ClosedBy"] = ClosedBy,
    };

    public static Message FromEntity(TableEntity e) => new(
        e.GetString("MessageId") ?? e.RowKey[Prefix.Length..],
        e.GetString("Subject") ?? "",
        e.GetString("Body") ?? "",
        Enum.Parse<MessageMode>(e.GetString("Mode") ?? nameof(MessageMode.AllMustRead)),
        e.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue,
        new MessageSender(e.GetString("SentBy") ?? "", e.GetString("SentByName"), e.GetString("SentByImpersonator")),
        e.GetBoolean("PartnerWide") ?? false)
    {
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
        ClosedBy = e.GetString("ClosedBy"),
    };
}

/// <summary>One recipient's acknowledgement, stored as <c>msgack|{messageId}|{userId}</c> next to the message.</summary>
public sealed record Acknowledgement(string MessageId, string UserId, string? Name, DateTimeOffset At)
{
    public const string Prefix = "msgack|";

    public static string MessagePrefix(string messageId) => Prefix + messageId + "|";

    public static string RowKey(string messageId, string userId) => MessagePrefix(messageId) + KeyEncoding.Encode(userId);

    public TableEntity ToEntity(string accountId) => new(accountId, RowKey(MessageId, UserId))
    {
        ["MessageId"] = MessageId,
        ["UserId"] = UserId,
        ["Name"] = Name,
        ["At"] = At,
    };

    public static Acknowledgement FromEntity(TableEntity e) =>
        new(e.GetString("MessageId") ?? "", e.GetString("UserId") ?? "", e.GetString("Name"), e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
}
