namespace CustomerFunctions.Core.Messages;

/// <summary>A message as its sender sees it, with who acknowledged it.</summary>
public sealed record MessageView(
    string Id, string Subject, string Body, MessageMode Mode, DateTimeOffset SentAt, MessageSender SentBy, bool PartnerWide,
    DateTimeOffset? ClosedAt, IReadOnlyList<AcknowledgementView> Acknowledgements, MessageAudience Audience, IReadOnlyList<string>? UserIds)
{
    public static MessageView From(Message m, IEnumerable<Acknowledgement> acks) =>
        new(m.Id, m.Subject, m.Body, m.Mode, m.SentAt, m.SentBy, m.PartnerWide, m.ClosedAt,
            acks.OrderBy(a => a.At).Select(a => new AcknowledgementView(a.UserId, a.Name, a.At)).ToList(),
            m.Audience, m.Audience == MessageAudience.Users ? m.UserIds : null);
}
