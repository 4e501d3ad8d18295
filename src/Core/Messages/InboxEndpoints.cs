using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>The recipient's side of messages: the caller's inbox across all their accounts, and acknowledging.</summary>
public sealed class InboxEndpoints(AccountStore accounts, MessageInbox inbox)
{
    /// <summary>
    /// What the caller still has to see, across all their accounts: one query of their inbox partition, then, for the rows
    /// it returns only, point reads that confirm each against its source (still a member who received it, not acknowledged,
    /// not closed by someone else's singleRead acknowledgement) so the answer is right even before the inbox effects ran.
    /// </summary>
    public async Task<ApiResponse> List(ApiRequest request)
    {
        var caller = request.Caller;
        if (caller.IsImpersonation)
        {
            // An impersonation token is not the impersonator's own login, nor any particular customer user's.
            return ApiResponse.Ok(new InboxList([], null));
        }
        var (entries, token) = await inbox.PageAsync(caller.UserId, request);
        var accountIds = entries.Select(e => e.AccountId).Where(Keys.IsIdentifier).Distinct().ToList();
        var memberships = (await Task.WhenAll(accountIds.Select(async id =>
        {
            var account = accounts.ReadAccountAsync(id, request.Aborted);
            var member = accounts.ReadMemberAsync(id, caller.UserId, request.Aborted);
            return (Id: id, Account: (await account)?.Account, Member: await member);
        }))).ToDictionary(m => m.Id);
        var checks = await Task.WhenAll(entries.Select(async entry =>
        {
            var (accountId, messageId) = (entry.AccountId, entry.MessageId);
            if (!memberships.TryGetValue(accountId, out var membership) || membership.Account is not { IsDeleted: false } account || membership.Member is not { } member || !Message.IsValidId(messageId))
            {
                return null;
            }
            var messageRow = accounts.ReadAsync(accountId, AccountPartition.Messages, MessageRow.Id(messageId), request.Aborted);
            var ackRow = accounts.ReadAsync(accountId, AccountPartition.Acknowledgements, AcknowledgementRow.Id(messageId, caller.UserId), request.Aborted);
            var found = await messageRow;
            var acknowledged = await ackRow is not null;
            if (found is not { Value: var message })
            {
                return null;
            }
            return message.IsPendingFor(member, acknowledged)
                ? new InboxItemView(accountId, account.Name, message.Id, message.Subject, message.Body, message.Mode, message.SentAt)
                : null;
        }));
        return ApiResponse.Ok(new InboxList(checks.OfType<InboxItemView>().ToList(), token));
    }

    /// <summary>Acknowledging is allowed on a disabled account too (its members may still log in and read); not on a deleted one.</summary>
    public async Task<Answer<ApiResponse, NotFound, AccountDeleted>> Acknowledge(AccountSession session, ApiRequest request)
    {
        if (session.Existing.IsDeleted)
        {
            return new AccountDeleted();
        }
        var messageId = request.RouteValue("messageId");
        if (!Message.IsValidId(messageId) || await session.ReadAsync(AccountPartition.Messages, MessageRow.Id(messageId)) is not { } stored)
        {
            return new NotFound("The message");
        }
        var message = stored.Value;
        if (session.CallerMember is not { } member || !message.WasSentTo(member))
        {
            // Impersonators and users who joined after it was sent never received it.
            return new NotFound("The message");
        }
        var already = await session.ReadAsync(AccountPartition.Acknowledgements, AcknowledgementRow.Id(message.Id, member.UserId));
        if (already is not null || message.IsClosed)
        {
            return ApiResponse.NoContent();
        }
        var now = session.Now;
        session.Add(AccountPartition.Acknowledgements, new Acknowledgement(message.Id, member.UserId, member.Name ?? request.Caller.Name, now));
        var after = message.AcknowledgedBy(member.UserId, now);
        if (after != message)
        {
            session.Replace(AccountPartition.Messages, after, stored.ETag);
        }
        session.Effect(new SyncMessageInbox(message.Id, after.IsClosed ? null : member.UserId));
        return await session.CommitAsync(ApiResponse.NoContent());
    }
}
