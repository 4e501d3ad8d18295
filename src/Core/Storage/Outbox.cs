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

    public TimeSpan RecoveryDelay => options.Value.RecoveryDelay;

    public static TableEntity Row(string accountId, string commandId, IReadOnlyList<SideEffect> effects) =>
        new(accountId, Prefix + commandId) { ["Effects"] = JsonSerializer.Serialize(effects, Json.Effects) };

    public Task ScheduleRecoveryAsync(string accountId, CancellationToken cancellationToken) =>
        storage.OutboxQueue.SendMessageAsync(JsonSerializer.Serialize(new RecoveryMessage(accountId), Json.Options), RecoveryDelay, cancellationToken: cancellationToken);

    /// <summary>Runs a committed command's effects and removes its outbox row; a failure is logged and left to recovery.</summary>
    public async Task RunAfterCommitAsync(string accountId, string commandId, IReadOnlyList<SideEffect> effects)
    {
        try
        {
            await RunAsync(accountId, effects, CancellationToken.None);
            await storage.Accounts.DeleteEntityAsync(accountId, Prefix + commandId, ETag.All);
        }
        catch (Exception e)
        {
            LogDeferred(logger, e, accountId, commandId);
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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {Prefix} and RowKey lt {Keys.PrefixEnd(Prefix)}");
        var done = 0;
        await foreach (var row in storage.Accounts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var effects = JsonSerializer.Deserialize<List<SideEffect>>(row.GetString("Effects") ?? "[]", Json.Effects) ?? [];
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Side effects of command {CommandId} on account {AccountId} deferred to recovery")]
    private static partial void LogDeferred(ILogger logger, Exception exception, string accountId, string commandId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered outbox row {RowKey} of account {AccountId}")]
    private static partial void LogRecovered(ILogger logger, string accountId, string rowKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a malformed outbox recovery message")]
    private static partial void LogBadMessage(ILogger logger);
}
