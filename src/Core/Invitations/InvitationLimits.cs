using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Invitations;

/// <summary>
/// Counts an invitation email against its limits, cheapest and most local first: the invitation's resends (on its own
/// row), the account's window (a row of the account partition written in the command's batch, so a lost race recounts),
/// then the recipient's window across all accounts (<see cref="RateCounters"/>, keyed by the address's hash). The
/// recipient's count is taken last, outside the batch, and once per HTTP request: a command the dispatcher runs again
/// after a lost race does not count the address again.
/// </summary>
public sealed class InvitationLimits(RateCounters counters, IOptions<InvitationLimitOptions> options)
{
    public static readonly TimeSpan AccountWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan RecipientWindow = TimeSpan.FromDays(1);
    public static readonly TimeSpan ResendWindow = TimeSpan.FromDays(1);
    private const string RecipientPurpose = "invitee";
    private const string RecipientCounter = "invitations";

    /// <summary>Stages the counts with the session's writes; a refusal changes nothing.</summary>
    public async Task<InvitationsRateLimited?> TakeAsync(AccountSession session, string email, Invitation? resent = null)
    {
        var limits = options.Value;
        var now = session.Now;
        if (resent is not null && resent.TakeResend(now, ResendWindow, limits.ResendsPerInvitationPerDay) is { } resendWait)
        {
            return InvitationsRateLimited.ForInvitation(resendWait);
        }
        var stored = await session.ReadAsync(AccountPartition.InvitationCounts, InvitationCountRow.Id);
        var (counted, accountWait) = (stored?.Value ?? FixedWindow.Empty).Take(now, AccountWindow, limits.PerAccountPerHour);
        if (accountWait is { } wait)
        {
            return InvitationsRateLimited.ForAccount(wait);
        }
        var recipient = RateCounters.HashedKey(RecipientPurpose, email);
        var taken = session.Request?.Http.HttpContext.Items;
        if (taken?.ContainsKey(recipient) != true)
        {
            if (await counters.TryTakeAsync(recipient, RecipientCounter, limits.PerRecipientPerDay, RecipientWindow, now, session.Aborted) is { } recipientWait)
            {
                return InvitationsRateLimited.ForRecipient(recipientWait);
            }
            taken?.Add(recipient, true);
        }
        // The profile's ETag guards the batch, so a plain upsert cannot lose a parallel command's count.
        session.Upsert(AccountPartition.InvitationCounts, counted);
        return null;
    }
}
