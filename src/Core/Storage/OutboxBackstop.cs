using CustomerFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// The timer behind the recovery queue: a recovery message can be lost (poisoned after its tries, expired), and then
/// nothing else would ever run the account's outbox rows. Every few minutes it reads the pending markers (one
/// partition), re-drives each marked account's rows older than <see cref="OutboxOptions.StaleAfter"/>, and removes the
/// marker of an account with nothing left to run. Its cost follows the accounts written to lately, never all accounts.
/// </summary>
public sealed partial class OutboxBackstop(PendingOutboxes pending, Outbox outbox, TimeProvider time, IOptions<OutboxOptions> options, ILogger<OutboxBackstop> logger)
{
    public const string ScheduleSetting = "Timers:OutboxBackstop";
    public const string DefaultSchedule = "0 */5 * * * *";

    /// <summary>Runs once; returns how many outbox rows it finished.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        using var activity = CustomerTelemetry.StartTimerRun("OutboxBackstop");
        var cutoff = time.GetUtcNow() - options.Value.StaleAfter;
        var finished = 0;
        await foreach (var (accountId, markedAt, etag) in pending.AllAsync(cancellationToken))
        {
            try
            {
                var drain = await outbox.DrainAsync(accountId, cutoff, cancellationToken);
                finished += drain.Done;
                // A fresh marker may belong to a command that has not committed yet: it stays until it is stale too.
                if (drain.IsSettled && markedAt <= cutoff)
                {
                    await pending.ClearAsync(accountId, etag, cancellationToken);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One account's failure must not stop the others; its marker stays for the next run.
                LogAccountFailed(logger, e, accountId);
            }
        }
        if (finished > 0)
        {
            LogFinished(logger, finished);
        }
        return finished;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox backstop finished {Count} outbox row(s) that recovery had left")]
    private static partial void LogFinished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox backstop failed for account {AccountId}; the next run retries it")]
    private static partial void LogAccountFailed(ILogger logger, Exception exception, string accountId);
}
