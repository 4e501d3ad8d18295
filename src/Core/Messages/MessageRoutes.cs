using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Messages;

/// <summary>Messages to customer users.</summary>
public static class MessageRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.For<MessageEndpoints>("SendMessage", "POST", "customers/{id}/messages", (e, r) => e.Send(r))
            with { Summary = "Send a message to the users of one customer (allMustRead: each user acknowledges; singleRead: the first acknowledgement hides it for everyone). Recipients are the members at sending time", Who = "operator; its partner", BodyType = typeof(SendMessageBody), ResponseType = typeof(MessageView) },
        ApiRoute.For<MessageEndpoints>("SendPartnerMessage", "POST", "partners/{partnerId}/messages", (e, r) => e.SendToPartnerCustomers(r))
            with { Summary = "Send a message to the users of every customer the partner manages (202: delivered as one message per customer, each with its own MESSAGE_SENT event)", Who = "operator; that partner's members", BodyType = typeof(SendMessageBody), ResponseType = typeof(PartnerMessageView) },
        ApiRoute.For<MessageEndpoints>("ListMessages", "GET", "customers/{id}/messages", (e, r) => e.List(r))
            with { Summary = "Messages sent to the customer, oldest first, each with who acknowledged it", Who = "operator; its partner", ResponseType = typeof(MessageList), Query = ["pageSize", "continuationToken"] },
        ApiRoute.For<MessageEndpoints>("GetMessage", "GET", "customers/{id}/messages/{messageId}", (e, r) => e.Get(r))
            with { Summary = "One message with who acknowledged it", Who = "operator; its partner", ResponseType = typeof(MessageView) },
        ApiRoute.For<MessageEndpoints>("GetMyMessages", "GET", "me/messages", (e, r) => e.Inbox(r))
            with { Summary = "Messages the caller still has to see, across all their accounts (empty for an impersonation token)", Who = "any signed-in user", ResponseType = typeof(InboxList), Query = ["pageSize", "continuationToken"] },
        ApiRoute.For<MessageEndpoints>("AcknowledgeMessage", "POST", "customers/{id}/messages/{messageId}/acknowledgement", (e, r) => e.Acknowledge(r))
            with { Summary = "Acknowledge a message (204): allMustRead hides it for the caller, singleRead for everyone. Acknowledging again changes nothing", Who = "a member of the account who received it" },
    ];
}
