namespace CustomerFunctions.Core.Messages;

/// <summary>
/// A message a partner sends to the users of every customer it manages. It stays in the partner's partition; each
/// customer receives it as an ordinary <see cref="Message"/> with the same id (so a repeated delivery is recognized).
/// </summary>
public sealed record PartnerMessage(string Id, string Subject, string Body, MessageMode Mode, DateTimeOffset SentAt, MessageSender SentBy)
{
    /// <summary>Everyone or the admins of each customer (user ids name one account's members, so never a partner-wide audience).</summary>
    public MessageAudience Audience { get; init; } = MessageAudience.Everyone;

    /// <summary>The message as each managed customer receives it.</summary>
    public Message ToCustomers() => new(Id, Subject, Body, Mode, SentAt, SentBy, PartnerWide: true) { Audience = Audience };
}
