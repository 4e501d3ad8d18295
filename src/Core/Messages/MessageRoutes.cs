using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Messages;

/// <summary>Messages to customer users.</summary>
public static class MessageRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.Legacy<MessageEndpoints>("SendMessage", "POST", "customers/{id}/messages", Access.Writes(Allowed.Managers), (e, r) => e.Send(r))
            with { Summary = "Send a message to the users of one customer (allMustRead: each user acknowledges; singleRead: the first acknowledgement hides it for everyone). Recipients are the members at sending time", BodyType = typeof(SendMessageBody), ResponseType = typeof(MessageView) },
        ApiRoute.Legacy<MessageEndpoints>("SendPartnerMessage", "POST", "partners/{partnerId}/messages", Access.Writes(Allowed.PartnerMembers, "partnerId"), (e, r) => e.SendToPartnerCustomers(r))
            with { Summary = "Send a message to the users of every customer the partner manages (202: delivered as one message per customer, each with its own MESSAGE_SENT event)", BodyType = typeof(SendMessageBody), ResponseType = typeof(PartnerMessageView) },
        ApiRoute.Legacy<MessageEndpoints>("ListMessages", "GET", "customers/{id}/messages", Access.Reads(Allowed.Managers), (e, r) => e.List(r))
            with { Summary = "Messages sent to the customer, oldest first, each with who acknowledged it", ResponseType = typeof(MessageList), Query = ["pageSize", "continuationToken"] },
        ApiRoute.Legacy<MessageEndpoints>("GetMessage", "GET", "customers/{id}/messages/{messageId}", Access.Reads(Allowed.Managers), (e, r) => e.Get(r))
            with { Summary = "One message with who acknowledged it", ResponseType = typeof(MessageView) },
        ApiRoute.Legacy<MessageEndpoints>("GetMyMessages", "GET", "me/messages", Access.SignedIn, (e, r) => e.Inbox(r))
            with { Summary = "Messages the caller still has to see, across all their accounts (empty for an impersonation token)", ResponseType = typeof(InboxList), Query = ["pageSize", "continuationToken"] },
        ApiRoute.Legacy<MessageEndpoints>("AcknowledgeMessage", "POST", "customers/{id}/messages/{messageId}/acknowledgement", Access.Reads(Allowed.OwnMembers), (e, r) => e.Acknowledge(r))
            with { Summary = "Acknowledge a message (204): allMustRead hides it for the caller, singleRead for everyone. Acknowledging again changes nothing" },
    ];
}
