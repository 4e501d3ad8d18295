using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>The sender's side of messages: send to one customer or to every customer of a partner, list and read what was sent.</summary>
public sealed class MessageEndpoints(Paging paging, IdGenerator ids)
{
    private const int MaxBodyLength = 10_000;
    private const int MaxRecipients = 100;

    public async Task<Answer<ApiResponse, Invalid>> Send(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<SendMessageBody>();
        var check = Validate(body);
        var audience = body.Audience ?? MessageAudience.Everyone;
        if (audience == MessageAudience.Users && check.IsValid)
        {
            await RecipientsMustBeMembersAsync(session, body.UserIds!, check);
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        var message = new Message(ids.New(), body.Subject!.Trim(), body.Body!, body.Mode!.Value, session.Now, MessageSender.Of(session.Caller), PartnerWide: false)
        {
            Audience = audience,
            UserIds = audience == MessageAudience.Users ? [.. body.UserIds!.Distinct(StringComparer.Ordinal)] : [],
        };
        MessageDelivery.Stage(session, message);
        return await session.CommitAsync(ApiResponse.Created($"/api/customers/{session.AccountId}/messages/{message.Id}", MessageView.From(message, [])));
    }

    /// <summary>Stores the message in the partner's partition; <see cref="FanOutPartnerMessage"/> then delivers it to each customer.</summary>
    public async Task<Answer<ApiResponse, Invalid, NotFound>> SendToPartnerCustomers(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<SendMessageBody>();
        var check = Validate(body);
        if (body.Audience == MessageAudience.Users)
        {
            check.Error("audience", "A message to every customer goes to everyone or the admins of each; name users in a message to one customer.");
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        if (session.Existing.Kind != AccountKind.Partner)
        {
            return new NotFound("The partner");
        }
        var message = new PartnerMessage(ids.New(), body.Subject!.Trim(), body.Body!, body.Mode!.Value, session.Now, MessageSender.Of(session.Caller))
        {
            Audience = body.Audience ?? MessageAudience.Everyone,
        };
        session.Add(AccountPartition.PartnerMessages, message);
        session.Record(EventTypes.MessageSent, new { messageId = message.Id, subject = message.Subject, mode = message.Mode, audience = message.Audience, toAllManagedCustomers = true });
        session.Effect(new FanOutPartnerMessage(message.Id));
        return await session.CommitAsync(ApiResponse.Accepted(PartnerMessageView.From(session.AccountId, message)));
    }

    public async Task<ApiResponse> List(AccountSession session, ApiRequest request)
    {
        var (messages, token) = await session.PageAsync(AccountPartition.Messages, paging);
        // Acknowledgement rows sort by message id, the page by inverted time: the range runs from the page's lowest id to its highest.
        var messageIds = messages.Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
        var acks = messages.Count == 0 ? [] : await AcknowledgementsAsync(session, messageIds[0], messageIds[^1]);
        var items = messages.Select(m => MessageView.From(m, acks.Where(a => a.MessageId == m.Id))).ToList();
        return ApiResponse.Ok(new MessageList(items, token));
    }

    public async Task<Answer<ApiResponse, NotFound>> Get(AccountSession session, ApiRequest request)
    {
        var messageId = request.RouteValue("messageId");
        if (!Message.IsValidId(messageId) || await session.ReadAsync(AccountPartition.Messages, MessageRow.Id(messageId)) is not { Value: var message })
        {
            return new NotFound("The message");
        }
        var acks = await AcknowledgementsAsync(session, message.Id, message.Id);
        return ApiResponse.Ok(MessageView.From(message, acks));
    }

    private static Validator Validate(SendMessageBody body)
    {
        var check = new Validator().Text("subject", body.Subject, 200, required: true);
        if (string.IsNullOrWhiteSpace(body.Body))
        {
            check.Error("body", "Required.");
        }
        else if (body.Body.Length > MaxBodyLength)
        {
            check.Error("body", $"At most {MaxBodyLength} characters.");
        }
        else if (body.Body.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            check.Error("body", "Control characters other than line breaks and tabs are not allowed.");
        }
        if (body.Mode is null)
        {
            check.Error("mode", "Required: allMustRead or singleRead.");
        }
        if (body.Audience == MessageAudience.Users)
        {
            if (body.UserIds is not { Count: > 0 } userIds)
            {
                check.Error("userIds", "Required with audience users: the members to send it to.");
            }
            else if (userIds.Count > MaxRecipients)
            {
                check.Error("userIds", $"At most {MaxRecipients} users.");
            }
            else if (!userIds.All(Member.IsUserId))
            {
                check.Error("userIds", "Every entry must be a user id.");
            }
        }
        else if (body.UserIds is not null)
        {
            check.Error("userIds", "Only with audience users.");
        }
        return check;
    }

    /// <summary>Named recipients must be members now: a message to a stranger would be lost (and tell the sender nothing).</summary>
    private static async Task RecipientsMustBeMembersAsync(AccountSession session, IReadOnlyList<string> userIds, Validator check)
    {
        var distinct = userIds.Distinct(StringComparer.Ordinal).ToList();
        var members = await Task.WhenAll(distinct.Select(id => session.ReadAsync(AccountPartition.Members, MemberRow.Id(id))));
        var strangers = distinct.Where((_, i) => members[i] is null).ToList();
        if (strangers.Count > 0)
        {
            check.Error("userIds", "Not members of the account: " + string.Join(", ", strangers) + ".");
        }
    }

    /// <summary>The acknowledgements of the messages from <paramref name="firstId"/> to <paramref name="lastId"/>: one range query.</summary>
    private static async Task<List<Acknowledgement>> AcknowledgementsAsync(AccountSession session, string firstId, string lastId)
    {
        var acks = new List<Acknowledgement>();
        await foreach (var ack in session.QueryBetweenAsync(AccountPartition.Acknowledgements, AcknowledgementRow.OfMessage(firstId), AcknowledgementRow.OfMessage(lastId)))
        {
            acks.Add(ack.Value);
        }
        return acks;
    }
}
