using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Carries out side effects recorded in outbox rows. Right after a commit the request runs them itself; the delayed
/// message on the <c>outbox</c> queue (sent before the commit) lets <see cref="HandleRecoveryMessageAsync"/> finish them
/// if the request died in between, and the <see cref="OutboxBackstop"/> timer re-drives whatever both left behind.
/// Effects converge on current state, so running them twice is harmless. A row whose effects keep failing is parked
/// (<see cref="ParkedEffects"/>) and skipped, so it never blocks the account's later effects.
/// </summary>
public sealed partial class Outbox(
    StorageClients storage, IServiceProvider services, PendingOutboxes pending, ParkedEffects parked, TimeProvider time,
    IOptions<OutboxOptions> options, CustomerMetrics metrics, ILogger<Outbox> logger)
{
    public const string Prefix = "outbox|";

    /// <summary>The outbox rows' kind in an account partition (listed in the partition map).</summary>
    public static readonly RowKind<TableEntity> Kind = new(Prefix, RawRow.Instance, Erasure.Keep);

    private const int MaxErrorLength = 2_000;

    public TimeSpan RecoveryDelay => options.Value.RecoveryDelay;

    /// <summary>What one outbox row holds: 15 parts of <see cref="LargeText"/>, about 900 KB, within the 1 MiB an entity may have.</summary>
    public const int MaxRowLength = 15 * LargeText.PartLength;

    /// <summary>
    /// The command's outbox rows: one, unless its effects outgrow <see cref="MaxRowLength"/> (an email to each of hundreds
    /// of admins); then as many as they fill, <c>outbox|{commandId}</c>, <c>outbox|{commandId}|1</c>, ...
    /// </summary>
    /// <param name="createdAt">When the command committed: the backstop re-drives rows from a few minutes on.</param>
    public static IReadOnlyList<TableEntity> Rows(string accountId, string commandId, IReadOnlyList<SideEffect> effects, DateTimeOffset? createdAt = null)
    {
        var rows = new List<TableEntity>();
        var batch = new List<string>();
        var length = 2;
        foreach (var json in effects.Select(e => JsonSerializer.Serialize(e, Json.Effects)))
        {
            if (batch.Count > 0 && length + json.Length + 1 > MaxRowLength)
            {
                rows.Add(Row(accountId, commandId, rows.Count, batch, createdAt));
                batch.Clear();
                length = 2;
            }
            batch.Add(json);
            length += json.Length + 1;
        }
        rows.Add(Row(accountId, commandId, rows.Count, batch, createdAt));
        return rows;
    }

    private static TableEntity Row(string accountId, string commandId, int index, List<string> effects, DateTimeOffset? createdAt)
    {
        var row = new TableEntity(accountId, Prefix + commandId + (index == 0 ? "" : "|" + index.ToString(CultureInfo.InvariantCulture)));
        LargeText.Write(row, "Effects", "[" + string.Join(',', effects) + "]");
        if (createdAt is { } at)
        {
            row["CreatedAt"] = at;
        }
        return row;
    }

    /// <summary>Before a commit with effects: the delayed recovery message, and the account's pending marker for the backstop.</summary>
    public async Task ScheduleRecoveryAsync(string accountId, CancellationToken cancellationToken)
    {
        var mark = TryMarkPendingAsync(accountId, cancellationToken);
        await storage.OutboxQueue.SendMessageAsync(JsonSerializer.Serialize(new RecoveryMessage(accountId, CustomerTelemetry.CurrentTraceParent()), Json.Options), RecoveryDelay, cancellationToken: cancellationToken);
        await mark;
    }

    /// <summary>
    /// The marker is the backstop's, never a reason to refuse a command: with the index unavailable the command still
    /// commits, and the recovery message marks the account again if its rows still fail then.
    /// </summary>
    private async Task TryMarkPendingAsync(string accountId, CancellationToken cancellationToken)
    {
        try
        {
            await pending.MarkAsync(accountId, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or IOException)
        {
            LogMarkFailed(logger, e, accountId);
        }
    }

    /// <summary>Runs a committed command's effects and removes its outbox rows; a failure is logged and left to recovery.</summary>
    public async Task RunAfterCommitAsync(string accountId, IReadOnlyList<TableEntity> rows, IReadOnlyList<SideEffect> effects)
    {
        try
        {
            await RunAsync(accountId, effects, CancellationToken.None);
            foreach (var row in rows)
            {
                await storage.Accounts.DeleteEntityAsync(accountId, row.RowKey, ETag.All);
            }
        }
        catch (Exception e)
        {
            LogDeferred(logger, e, accountId, rows[0].RowKey);
        }
    }

    /// <summary>The outbox queue handler: finish every outbox row still standing in the account's partition.</summary>
    /// <remarks>Throws while a row failed without being parked yet, so the queue tries again (and the attempt counts).</remarks>
    public async Task HandleRecoveryMessageAsync(string messageText, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<RecoveryMessage>(messageText, Json.Options);
        if (message is null || !Keys.IsIdentifier(message.AccountId))
        {
            LogBadMessage(logger);
            return;
        }
        using var activity = CustomerTelemetry.StartQueueMessage("RecoverOutbox", message.TraceParent);
        activity?.SetTag("cf.account.id", message.AccountId);
        var drain = await DrainAsync(message.AccountId, writtenBefore: null, cancellationToken);
        if (drain.Failed > 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "outbox rows failed");
            await TryMarkPendingAsync(message.AccountId, cancellationToken);
            throw new InvalidOperationException($"{drain.Failed} outbox row(s) of account {message.AccountId} failed; the queue retries them.");
        }
    }

    /// <summary>Runs every outbox row of the account that is not parked; returns how many it finished.</summary>
    public async Task<int> DrainAsync(string accountId, CancellationToken cancellationToken) =>
        (await DrainAsync(accountId, writtenBefore: null, cancellationToken)).Done;

    /// <summary>
    /// Runs the account's outbox rows that are not parked (and, given <paramref name="writtenBefore"/>, only those written
    /// before it), each on its own: a failing row is counted and left, and the rows after it still run.
    /// </summary>
    public async Task<OutboxDrain> DrainAsync(string accountId, DateTimeOffset? writtenBefore, CancellationToken cancellationToken)
    {
        int done = 0, failed = 0, parkedRows = 0, waiting = 0;
        await foreach (var row in storage.Accounts.QueryAsync<TableEntity>(Kind.Range(accountId), cancellationToken: cancellationToken))
        {
            if (row.GetBoolean("Parked") == true)
            {
                parkedRows++;
                continue;
            }
            if (writtenBefore is { } cutoff && row.GetDateTimeOffset("CreatedAt") is { } createdAt && createdAt > cutoff)
            {
                waiting++;
                continue;
            }
            switch (await RunRowAsync(accountId, row, cancellationToken))
            {
                case OutboxRowOutcome.Done:
                    done++;
                    LogRecovered(logger, accountId, row.RowKey);
                    break;
                case OutboxRowOutcome.Failed:
                    failed++;
                    break;
                default:
                    parkedRows++;
                    break;
            }
        }
        return new OutboxDrain(done, failed, parkedRows, waiting);
    }

    /// <summary>An operator's replay of a parked row: unparked, counted from zero and run once now. Null if there is no such row.</summary>
    public async Task<OutboxRowOutcome?> ReplayAsync(string accountId, string effectId, CancellationToken cancellationToken)
    {
        await parked.RemoveAsync(accountId, effectId, cancellationToken);
        var found = await storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, ParkedEffects.OutboxRowKey(effectId), cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }
        var row = found.Value!;
        row["Parked"] = false;
        row["Attempts"] = 0;
        row.Remove("ParkedAt");
        var updated = await storage.Accounts.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        row.ETag = updated.Headers.ETag ?? ETag.All;
        return await RunRowAsync(accountId, row, cancellationToken);
    }

    private async Task<OutboxRowOutcome> RunRowAsync(string accountId, TableEntity row, CancellationToken cancellationToken)
    {
        var text = LargeText.Read(row, "Effects") ?? "[]";
        List<SideEffect> effects;
        try
        {
            effects = JsonSerializer.Deserialize<List<SideEffect>>(text, Json.Effects) ?? [];
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // Unreadable (a discriminator no deployment knows, a damaged row): no retry will read it, but an operator may.
            return await FailAsync(accountId, row, null, OutboxEffectKinds.In(text), e, cancellationToken);
        }
        var failed = new List<SideEffect>();
        Exception? error = null;
        foreach (var effect in effects)
        {
            try
            {
                await effect.RunAsync(accountId, services, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failed.Add(effect);
                error ??= e;
            }
        }
        if (error is null)
        {
            try
            {
                await storage.Accounts.DeleteEntityAsync(accountId, row.RowKey, row.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
            }
            return OutboxRowOutcome.Done;
        }
        return await FailAsync(accountId, row, failed, failed.Select(OutboxEffectKinds.Of).ToList(), error, cancellationToken);
    }

    /// <summary>Counts a failed run on the row, keeping only the effects that failed (the others are done), and parks it after too many.</summary>
    private async Task<OutboxRowOutcome> FailAsync(string accountId, TableEntity row, List<SideEffect>? stillToRun, IReadOnlyList<string> kinds, Exception error, CancellationToken cancellationToken)
    {
        var attempts = (row.GetInt32("Attempts") ?? 0) + 1;
        var message = error.GetType().Name + ": " + error.Message;
        message = message.Length > MaxErrorLength ? message[..MaxErrorLength] : message;
        if (stillToRun is not null)
        {
            LargeText.Write(row, "Effects", JsonSerializer.Serialize(stillToRun, Json.Effects));
        }
        row["Attempts"] = attempts;
        row["LastError"] = message;
        var park = attempts >= options.Value.MaxAttempts;
        if (park)
        {
            var now = time.GetUtcNow();
            // Listed first: a row parked but not listed would be skipped with no operator knowing.
            await parked.ParkAsync(new ParkedEffect(accountId, ParkedEffects.EffectId(row.RowKey), kinds, message, attempts, now), cancellationToken);
            row["Parked"] = true;
            row["ParkedAt"] = now;
        }
        try
        {
            await storage.Accounts.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Another drain finished or counted the row meanwhile.
        }
        if (park)
        {
            LogParked(logger, error, accountId, row.RowKey, attempts);
            metrics.EffectParked(string.Join(',', kinds));
        }
        else
        {
            LogFailed(logger, error, accountId, row.RowKey, attempts);
        }
        return park ? OutboxRowOutcome.Parked : OutboxRowOutcome.Failed;
    }

    private async Task RunAsync(string accountId, IReadOnlyList<SideEffect> effects, CancellationToken cancellationToken)
    {
        foreach (var effect in effects)
        {
            await effect.RunAsync(accountId, services, cancellationToken);
        }
    }

    /// <param name="TraceParent">The command's trace, continued by the recovery (absent in messages queued before it was added).</param>
    private sealed record RecoveryMessage(string AccountId, string? TraceParent = null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Side effects of outbox row {RowKey} on account {AccountId} deferred to recovery")]
    private static partial void LogDeferred(ILogger logger, Exception exception, string accountId, string rowKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered outbox row {RowKey} of account {AccountId}")]
    private static partial void LogRecovered(ILogger logger, string accountId, string rowKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {RowKey} of account {AccountId} failed on attempt {Attempts}; it is retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string accountId, string rowKey, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {RowKey} of account {AccountId} parked after {Attempts} attempts; an operator can replay it")]
    private static partial void LogParked(ILogger logger, Exception exception, string accountId, string rowKey, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark account {AccountId} as having pending outbox rows; its recovery message marks it if they fail")]
    private static partial void LogMarkFailed(ILogger logger, Exception exception, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a malformed outbox recovery message")]
    private static partial void LogBadMessage(ILogger logger);
}
