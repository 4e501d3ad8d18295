using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// The deletion timer's work: read the due-deletions index up to now (one range query on one partition), re-check
/// each account's own state, and delete the accounts whose request still stands and is due. Its cost follows the
/// rows due, never the number of accounts. Safe to run twice at once (the profile ETag lets one deletion win; the
/// other sees the account deleted and leaves it) and safe to crash anywhere (a later run or the outbox recovery
/// finishes a half-done deletion, whose effects are idempotent).
/// </summary>
public sealed partial class DeletionSweep(DueDeletions dueDeletions, AccountStore accounts, AccountDeletion deletion, Outbox outbox, TimeProvider time, CustomerMetrics metrics, ILogger<DeletionSweep> logger)
{
    public const string ScheduleSetting = "Timers:DeletionSweep";
    public const string DefaultSchedule = "0 */5 * * * *";

    /// <summary>The actor the history names for deletions the sweep carries out.</summary>
    public static readonly Caller Timer = Caller.System("timer");

    private const int MaxAttempts = 5;

    /// <summary>Runs one sweep; returns how many accounts it deleted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        using var activity = CustomerTelemetry.StartTimerRun("DeletionSweep");
        var now = time.GetUtcNow();
        var deleted = 0;
        var seen = 0;
        await foreach (var row in dueDeletions.DueByAsync(now, cancellationToken))
        {
            seen++;
            var accountId = row.Value.AccountId;
            try
            {
                if (await SweepAsync(row.RowKey, accountId, now, cancellationToken))
                {
                    deleted++;
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One account's failure must not stop the others; its index row stays, so the next run tries again.
                LogAccountFailed(logger, e, accountId);
            }
        }
        LogSwept(logger, seen, deleted);
        activity?.SetTag("cf.deletions.due", seen);
        activity?.SetTag("cf.deletions.deleted", deleted);
        return deleted;
    }

    private async Task<bool> SweepAsync(string rowKey, string accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Keys.IsIdentifier(accountId))
        {
            await dueDeletions.RemoveAsync(rowKey, cancellationToken);
            return false;
        }
        for (var attempt = 1; ; attempt++)
        {
            var session = await accounts.OpenAsync(accountId, null, Timer);
            var account = session.Account;
            if (account is { IsDeleted: true })
            {
                await FinishEarlierDeletionAsync(rowKey, account, now, cancellationToken);
                return false;
            }
            if (account is not { Status: AccountStatus.DeletionRequested } || account.DeletionDueAt > now)
            {
                // Gone, cancelled or rescheduled: the row is stale.
                await dueDeletions.RemoveAsync(rowKey, cancellationToken);
                return false;
            }
            // Every rule DELETE checks still holds, or the request is cancelled (naming the rule) instead of carried out.
            var refused = await deletion.RefusalAsync(session);
            if (refused is null)
            {
                await deletion.StageDeletionAsync(session);
            }
            else if (await AccountDeletion.StandingRequestAsync(session) is { } standing)
            {
                await AccountDeletion.StageRefusalAsync(session, standing, refused);
            }
            else
            {
                LogRefused(logger, accountId, refused.Type);
                return false;
            }
            try
            {
                await session.CommitAsync(ApiResponse.NoContent());
                if (refused is not null)
                {
                    LogRefused(logger, accountId, refused.Type);
                    metrics.DeletionSwept("refused");
                    return false;
                }
                LogDeleted(logger, accountId);
                metrics.DeletionSwept("deleted");
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // The account changed meanwhile (a cancellation, or another sweep deleting it): look again.
            }
        }
    }

    /// <summary>
    /// The account is deleted but its due row is still here, so the deletion's effects may not have finished. If the
    /// deletion is older than the outbox recovery delay, whoever deleted it is no longer at work on it: drain its outbox
    /// (erasure, emails; each converges, so this never repeats an email or an event). A fresh one is left alone.
    /// </summary>
    private async Task FinishEarlierDeletionAsync(string rowKey, Account account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now - account.UpdatedAt < outbox.RecoveryDelay)
        {
            return;
        }
        var finished = await outbox.DrainAsync(account.Id, cancellationToken);
        if (finished > 0)
        {
            LogFinished(logger, account.Id, finished);
        }
        await dueDeletions.RemoveAsync(rowKey, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deletion sweep read {Due} due row(s) and deleted {Deleted} account(s)")]
    private static partial void LogSwept(ILogger logger, int due, int deleted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deletion sweep deleted account {AccountId}")]
    private static partial void LogDeleted(ILogger logger, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deletion sweep did not delete account {AccountId}: it breaks rule {Rule}; the request is cancelled")]
    private static partial void LogRefused(ILogger logger, string accountId, string rule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deletion sweep finished {Count} interrupted outbox row(s) of deleted account {AccountId}")]
    private static partial void LogFinished(ILogger logger, string accountId, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deletion sweep failed for account {AccountId}; the next run retries it")]
    private static partial void LogAccountFailed(ILogger logger, Exception exception, string accountId);
}
