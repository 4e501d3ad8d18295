using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Messages;

/// <summary>Messages to customer users.</summary>
public static class MessageRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<MessageEndpoints>.For("SendMessage", "POST", "customers/{id}/messages", Access.Writes(Allowed.Managers), (e, s, r) => e.Send(s, r))
            with { Summary = "Send a message to the users of one customer (allMustRead: each user acknowledges; singleRead: the first acknowledgement hides it for everyone). Recipients are the members at sending time, of its audience: everyone (default), the admins, or the users named in userIds (members, at most 100). Event MESSAGE_SENT", BodyType = typeof(SendMessageBody), ResponseType = typeof(MessageView), Success = [201] },
        Route<MessageEndpoints>.For("SendPartnerMessage", "POST", "partners/{partnerId}/messages", Access.Writes(Allowed.PartnerMembers, "partnerId"), (e, s, r) => e.SendToPartnerCustomers(s, r))
            with { Summary = "Send a message to the users of every customer the partner manages (202: delivered as one message per customer, each with its own MESSAGE_SENT event); audience everyone or admins", BodyType = typeof(SendMessageBody), ResponseType = typeof(PartnerMessageView), Success = [202] },
        Route<MessageEndpoints>.For("ListMessages", "GET", "customers/{id}/messages", Access.Reads(Allowed.Managers), (e, s, r) => e.List(s, r))
            with { Summary = "Messages sent to the customer, newest first, each with who acknowledged it", ResponseType = typeof(MessageList), Query = ["pageSize", "continuationToken"] },
        Route<MessageEndpoints>.For("GetMessage", "GET", "customers/{id}/messages/{messageId}", Access.Reads(Allowed.Managers), (e, s, r) => e.Get(s, r))
            with { Summary = "One message with who acknowledged it", ResponseType = typeof(MessageView) },
        Route<InboxEndpoints>.For("GetMyMessages", "GET", "me/messages", Access.SignedIn, (e, r) => e.List(r))
            with { Summary = "Messages the caller still has to see, across all their accounts (empty for an impersonation token)", ResponseType = typeof(InboxList), Query = ["pageSize", "continuationToken"] },
        Route<InboxEndpoints>.For("AcknowledgeMessage", "POST", "customers/{id}/messages/{messageId}/acknowledgement", Access.Reads(Allowed.OwnMembers), (e, s, r) => e.Acknowledge(s, r))
            with { Summary = "Acknowledge a message (204): allMustRead hides it for the caller, singleRead for everyone. Acknowledging again changes nothing" },
    ];
}
