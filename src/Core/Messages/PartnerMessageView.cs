namespace CustomerFunctions.Core.Messages;

/// <summary>A partner-wide message as its sender gets it back (delivery to each customer follows as separate commands).</summary>
public sealed record PartnerMessageView(string Id, string PartnerId, string Subject, string Body, MessageMode Mode, DateTimeOffset SentAt, MessageSender SentBy, MessageAudience Audience)
{
    public static PartnerMessageView From(string partnerId, PartnerMessage m) => new(m.Id, partnerId, m.Subject, m.Body, m.Mode, m.SentAt, m.SentBy, m.Audience);
}
