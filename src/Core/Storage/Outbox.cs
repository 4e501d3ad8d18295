using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Carries out side effects recorded in outbox rows. Right after a commit the request runs them itself; the delayed
/// message on the <c>outbox</c> queue (sent before the commit) lets <see cref="HandleRecoveryMessageAsync"/> finish them
/// if the request died in between. Effects converge on current state, so running them twice is harmless.
/// </summary>
public sealed partial class Outbox(StorageClients storage, IServiceProvider services, IOptions<OutboxOptions> options, ILogger<Outbox> logger)
{
    public const string Prefix = "outbox|";

    /// <summary>The outbox rows' kind in an account partition (listed in the partition map).</summary>
    public static readonly RowKind<TableEntity> Kind = new(Prefix, RawRow.Instance, Erasure.Keep);

    public TimeSpan RecoveryDelay => options.Value.RecoveryDelay;

    /// <summary>What one outbox row holds: 15 parts of <see cref="LargeText"/>, about 900 KB, within the 1 MiB an entity may have.</summary>
    public const int MaxRowLength = 15 * LargeText.PartLength;

    /// <summary>
    /// The command's outbox rows: one, unless its effects outgrow <see cref="MaxRowLength"/> (an email to each of hundreds
    /// of admins); then as many as they fill, <c>outbox|{commandId}</c>, <c>outbox|{commandId}|1</c>, ...
    /// </summary>
    public static IReadOnlyList<TableEntity> Rows(string accountId, string commandId, IReadOnlyList<SideEffect> effects)
    {
        var rows = new List<TableEntity>();
        var batch = new List<string>();
        var length = 2;
        foreach (var json in effects.Select(e => JsonSerializer.Serialize(e, Json.Effects)))
        {
            if (batch.Count > 0 && length + json.Length + 1 > MaxRowLength)
            {
                rows.Add(Row(accountId, commandId, rows.Count, batch));
                batch.Clear();
                length = 2;
            }
            batch.Add(json);
            length += json.Length + 1;
        }
        rows.Add(Row(accountId, commandId, rows.Count, batch));
        return rows;
    }

    private static TableEntity Row(string accountId, string commandId, int index, List<string> effects)
    {
        var row = new TableEntity(accountId, Prefix + commandId + (index == 0 ? "" : "|" + index.ToString(CultureInfo.InvariantCulture)));
        LargeText.Write(row, "Effects", "[" + string.Join(',', effects) + "]");
        return row;
    }

    public Task ScheduleRecoveryAsync(string accountId, CancellationToken cancellationToken) =>
        storage.OutboxQueue.SendMessageAsync(JsonSerializer.Serialize(new RecoveryMessage(accountId), Json.Options), RecoveryDelay, cancellationToken: cancellationToken);

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
    public async Task HandleRecoveryMessageAsync(string messageText, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<RecoveryMessage>(messageText, Json.Options);
        if (message is null || !Keys.IsIdentifier(message.AccountId))
        {
            LogBadMessage(logger);
            return;
        }
        await DrainAsync(message.AccountId, cancellationToken);
    }

    public async Task<int> DrainAsync(string accountId, CancellationToken cancellationToken)
    {
        var filter = Kind.Range(accountId);
        var done = 0;
        await foreach (var row in storage.Accounts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var effects = JsonSerializer.Deserialize<List<SideEffect>>(LargeText.Read(row, "Effects") ?? "[]", Json.Effects) ?? [];
            await RunAsync(accountId, effects, cancellationToken);
            try
            {
                await storage.Accounts.DeleteEntityAsync(accountId, row.RowKey, row.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
            }
            done++;
            LogRecovered(logger, accountId, row.RowKey);
        }
        return done;
    }

    private async Task RunAsync(string accountId, IReadOnlyList<SideEffect> effects, CancellationToken cancellationToken)
    {
        foreach (var effect in effects)
        {
            await effect.RunAsync(accountId, services, cancellationToken);
        }
    }

    private sealed record RecoveryMessage(string AccountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Side effects of outbox row {RowKey} on account {AccountId} deferred to recovery")]
    private static partial void LogDeferred(ILogger logger, Exception exception, string accountId, string rowKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered outbox row {RowKey} of account {AccountId}")]
    private static partial void LogRecovered(ILogger logger, string accountId, string rowKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a malformed outbox recovery message")]
    private static partial void LogBadMessage(ILogger logger);
}
