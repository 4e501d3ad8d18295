using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;

namespace CustomerFunctions.Core.Messages;

/// <summary>How a message reaches one customer account, whether sent to it directly or fanned out from its partner.</summary>
public static class MessageDelivery
{
    /// <summary>Stages the message's row, its MESSAGE_SENT event and the delivery to its members' inboxes.</summary>
    public static void Stage(AccountSession session, Message message)
    {
        session.Add(AccountPartition.Messages, message);
        session.Record(EventTypes.MessageSent, new { messageId = message.Id, subject = message.Subject, mode = message.Mode, audience = message.Audience, userIds = message.Audience == MessageAudience.Users ? message.UserIds : null, toAllManagedCustomers = message.PartnerWide });
        session.Effect(new SyncMessageInbox(message.Id));
    }
}
