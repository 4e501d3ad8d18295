using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

public sealed record SendMessageBody(string? Subject, string? Body, MessageMode? Mode);

public sealed record AcknowledgementView(string UserId, string? Name, DateTimeOffset At);

/// <summary>A message as its sender sees it, with who acknowledged it.</summary>
public sealed record MessageView(
    string Id, string Subject, string Body, MessageMode Mode, DateTimeOffset SentAt, MessageSender SentBy, bool PartnerWide,
    DateTimeOffset? ClosedAt, IReadOnlyList<AcknowledgementView> Acknowledgements)
{
    public static MessageView From(Message m, IEnumerable<Acknowledgement> acks) =>
        new(m.Id, m.Subject, m.Body, m.Mode, m.SentAt, m.SentBy, m.PartnerWide, m.ClosedAt,
            acks.OrderBy(a => a.At).Select(a => new AcknowledgementView(a.UserId, a.Name, a.At)).ToList());
}

/// <summary>A partner-wide message as its sender gets it back (delivery to each customer follows as separate commands).</summary>
public sealed record PartnerMessageView(string Id, string PartnerId, string Subject, string Body, MessageMode Mode, DateTimeOffset SentAt, MessageSender SentBy);

/// <summary>A message the caller still has to see, and the account it came through.</summary>
public sealed record InboxItemView(string AccountId, string AccountName, string MessageId, string Subject, string Body, MessageMode Mode, DateTimeOffset SentAt);

public sealed record MessageList(IReadOnlyList<MessageView> Items, string? ContinuationToken);

public sealed record InboxList(IReadOnlyList<InboxItemView> Items, string? ContinuationToken);

/// <summary>Messages to customer users: send (to one customer or every customer of a partner), list, inbox, acknowledge.</summary>
public sealed class MessageEndpoints(AccountStore accounts, StorageClients storage, IndexTable index, Paging paging, IdGenerator ids)
{
    private const int MaxBodyLength = 10_000;
    private const string PartnerMessagePrefix = "partnermessage|";
    private static readonly Relation[] PartnerMembers = [Relation.Operator, Relation.Admin, Relation.Member];
    private static readonly Relation[] Recipients = [Relation.Admin, Relation.Member];

    public static string PartnerMessageRowKey(string messageId) => PartnerMessagePrefix + messageId;

    public async Task<Microsoft.AspNetCore.Http.IResult> Send(ApiRequest request)
    {
        var body = Validate(request.ReadBody<SendMessageBody>());
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Managers, writes: true);
        var message = New(session, body, partnerWide: false);
        Stage(session, message);
        return await session.CommitAsync(ApiResponse.Created($"/api/customers/{session.AccountId}/messages/{message.Id}", MessageView.From(message, [])));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> SendToPartnerCustomers(ApiRequest request)
    {
        var body = Validate(request.ReadBody<SendMessageBody>());
        var session = (await accounts.OpenAsync(request.RouteValue("partnerId"), request)).Authorize(PartnerMembers, writes: true);
        if (session.Existing.Kind != AccountKind.Partner)
        {
            throw new ApiErrorException(ApiError.NotFound("The partner"));
        }
        var message = New(session, body, partnerWide: true);
        var row = message.ToEntity(session.AccountId);
        row.RowKey = PartnerMessageRowKey(message.Id);
        session.Add(row);
        session.Record(EventTypes.MessageSent, new { messageId = message.Id, subject = message.Subject, mode = message.Mode, toAllManagedCustomers = true });
        session.Effect(new FanOutPartnerMessage(message.Id));
        var view = new PartnerMessageView(message.Id, session.AccountId, message.Subject, message.Body, message.Mode, message.SentAt, message.SentBy);
        return await session.CommitAsync(ApiResponse.Accepted(view));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> List(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Managers, writes: false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {session.AccountId} and RowKey ge {Message.Prefix} and RowKey lt {Keys.PrefixEnd(Message.Prefix)}");
        var (rows, token) = await paging.QueryAsync(session.Table, filter, request, Paging.Scope(request));
        var messages = rows.Select(Message.FromEntity).ToList();
        var acks = messages.Count == 0 ? [] : await AcknowledgementsAsync(session, messages[0].Id, messages[^1].Id, request.Aborted);
        var items = messages.Select(m => MessageView.From(m, acks.Where(a => a.MessageId == m.Id))).ToList();
        return ApiResponse.Ok(new MessageList(items, token));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> Get(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Managers, writes: false);
        var message = await ReadMessageAsync(session, request.RouteValue("messageId"), request.Aborted);
        var acks = await AcknowledgementsAsync(session, message.Id, message.Id, request.Aborted);
        return ApiResponse.Ok(MessageView.From(message, acks));
    }

    /// <summary>
    /// What the caller still has to see, across all their accounts: one query of their inbox partition, then, for the rows
    /// it returns only, point reads that confirm each against its source (still a member who received it, not acknowledged,
    /// not closed by someone else's singleRead acknowledgement) so the answer is right even before the inbox effects ran.
    /// </summary>
    public async Task<Microsoft.AspNetCore.Http.IResult> Inbox(ApiRequest request)
    {
        var caller = request.Caller;
        if (caller.IsImpersonation)
        {
            // An impersonation token is not the impersonator's own login, nor any particular customer user's.
            return ApiResponse.Ok(new InboxList([], null));
        }
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MessageInbox.Partition(caller.UserId)} and Removed eq false");
        var (rows, token) = await paging.QueryAsync(index.Table, filter, request, Paging.Scope(request));
        var table = storage.Accounts;
        var accountIds = rows.Select(r => r.GetString("AccountId") ?? "").Where(Keys.IsIdentifier).Distinct().ToList();
        var memberships = (await Task.WhenAll(accountIds.Select(async id =>
        {
            var account = accounts.ReadAccountAsync(id, request.Aborted);
            var member = accounts.ReadMemberAsync(id, caller.UserId, request.Aborted);
            return (Id: id, Account: (await account)?.Account, Member: await member);
        }))).ToDictionary(m => m.Id);
        var checks = await Task.WhenAll(rows.Select(async row =>
        {
            var accountId = row.GetString("AccountId") ?? "";
            var messageId = row.GetString("MessageId") ?? "";
            if (!memberships.TryGetValue(accountId, out var membership) || membership.Account is not { IsDeleted: false } account || membership.Member is not { } member || !Message.IsValidId(messageId))
            {
                return null;
            }
            var messageRow = table.GetEntityIfExistsAsync<TableEntity>(accountId, Message.RowKey(messageId), cancellationToken: request.Aborted);
            var ackRow = table.GetEntityIfExistsAsync<TableEntity>(accountId, Acknowledgement.RowKey(messageId, caller.UserId), select: ["UserId"], cancellationToken: request.Aborted);
            var found = await messageRow;
            var acknowledged = (await ackRow).HasValue;
            if (!found.HasValue)
            {
                return null;
            }
            var message = Message.FromEntity(found.Value!);
            return message.IsPendingFor(member, acknowledged)
                ? new InboxItemView(accountId, account.Name, message.Id, message.Subject, message.Body, message.Mode, message.SentAt)
                : null;
        }));
        return ApiResponse.Ok(new InboxList(checks.OfType<InboxItemView>().ToList(), token));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> Acknowledge(ApiRequest request)
    {
        // Acknowledging is allowed on a disabled account too (its members may still log in and read); not on a deleted one.
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Recipients, writes: false);
        if (session.Existing.IsDeleted)
        {
            throw new ApiErrorException(ApiError.Conflict("account-deleted", "The account is deleted; it can only be read."));
        }
        var message = await ReadMessageAsync(session, request.RouteValue("messageId"), request.Aborted);
        if (session.CallerMember is not { } member || !message.WasSentTo(member))
        {
            // Impersonators and users who joined after it was sent never received it.
            throw new ApiErrorException(ApiError.NotFound("The message"));
        }
        var ackKey = Acknowledgement.RowKey(message.Id, member.UserId);
        var already = await session.Table.GetEntityIfExistsAsync<TableEntity>(session.AccountId, ackKey, select: ["UserId"], cancellationToken: request.Aborted);
        if (already.HasValue || message.IsClosed)
        {
            return ApiResponse.NoContent();
        }
        var now = session.Now;
        session.Add(new Acknowledgement(message.Id, member.UserId, member.Name ?? request.Caller.Name, now).ToEntity(session.AccountId));
        var after = message.AcknowledgedBy(member.UserId, now);
        if (after != message)
        {
            var row = after.ToEntity(session.AccountId);
            session.Replace(row);
        }
        session.Effect(new SyncMessageInbox(message.Id, after.IsClosed ? null : member.UserId));
        return await session.CommitAsync(ApiResponse.NoContent());
    }

    /// <summary>Stages a message to one customer account: its row, its MESSAGE_SENT event and the delivery to its members' inboxes.</summary>
    internal static void Stage(AccountSession session, Message message)
    {
        session.Add(message.ToEntity(session.AccountId));
        session.Record(EventTypes.MessageSent, new { messageId = message.Id, subject = message.Subject, mode = message.Mode, toAllManagedCustomers = message.PartnerWide });
        session.Effect(new SyncMessageInbox(message.Id));
    }

    private Message New(AccountSession session, SendMessageBody body, bool partnerWide) =>
        new(ids.New(), body.Subject!.Trim(), body.Body!, body.Mode!.Value, session.Now,
            new MessageSender(session.Caller.UserId, session.Caller.Name, session.Caller.ImpersonatedBy), partnerWide);

    private static SendMessageBody Validate(SendMessageBody body)
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
        check.ThrowIfInvalid();
        return body;
    }

    private static async Task<Message> ReadMessageAsync(AccountSession session, string messageId, CancellationToken cancellationToken)
    {
        if (!Message.IsValidId(messageId))
        {
            throw new ApiErrorException(ApiError.NotFound("The message"));
        }
        var row = await session.Table.GetEntityIfExistsAsync<TableEntity>(session.AccountId, Message.RowKey(messageId), cancellationToken: cancellationToken);
        return row.HasValue ? Message.FromEntity(row.Value!) : throw new ApiErrorException(ApiError.NotFound("The message"));
    }

    /// <summary>The acknowledgements of the messages from <paramref name="firstId"/> to <paramref name="lastId"/>: one range query.</summary>
    private static async Task<List<Acknowledgement>> AcknowledgementsAsync(AccountSession session, string firstId, string lastId, CancellationToken cancellationToken)
    {
        var from = Acknowledgement.MessagePrefix(firstId);
        var to = Keys.PrefixEnd(Acknowledgement.MessagePrefix(lastId));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {session.AccountId} and RowKey ge {from} and RowKey lt {to}");
        var acks = new List<Acknowledgement>();
        await foreach (var row in session.Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            acks.Add(Acknowledgement.FromEntity(row));
        }
        return acks;
    }
}
