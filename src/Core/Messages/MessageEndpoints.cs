using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>The sender's side of messages: send to one customer or to every customer of a partner, list and read what was sent.</summary>
public sealed class MessageEndpoints(Paging paging, IdGenerator ids)
{
    private const int MaxBodyLength = 10_000;

    public async Task<Answer<ApiResponse, Invalid>> Send(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<SendMessageBody>();
        if (Validate(body) is { } invalid)
        {
            return invalid;
        }
        var message = new Message(ids.New(), body.Subject!.Trim(), body.Body!, body.Mode!.Value, session.Now, MessageSender.Of(session.Caller), PartnerWide: false);
        MessageDelivery.Stage(session, message);
        return await session.CommitAsync(ApiResponse.Created($"/api/customers/{session.AccountId}/messages/{message.Id}", MessageView.From(message, [])));
    }

    /// <summary>Stores the message in the partner's partition; <see cref="FanOutPartnerMessage"/> then delivers it to each customer.</summary>
    public async Task<Answer<ApiResponse, Invalid, NotFound>> SendToPartnerCustomers(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<SendMessageBody>();
        if (Validate(body) is { } invalid)
        {
            return invalid;
        }
        if (session.Existing.Kind != AccountKind.Partner)
        {
            return new NotFound("The partner");
        }
        var message = new PartnerMessage(ids.New(), body.Subject!.Trim(), body.Body!, body.Mode!.Value, session.Now, MessageSender.Of(session.Caller));
        session.Add(AccountPartition.PartnerMessages, message);
        session.Record(EventTypes.MessageSent, new { messageId = message.Id, subject = message.Subject, mode = message.Mode, toAllManagedCustomers = true });
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

    private static Invalid? Validate(SendMessageBody body)
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
        return check.Failure;
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
