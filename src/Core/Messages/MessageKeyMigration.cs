using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Core.Messages;

/// <summary>
/// Moves message rows of the first version (<c>message|{id}</c>, oldest first) to their newest-first keys
/// (<see cref="MessageRow.Id"/>), each move one transaction (add the new row, delete the old one), so a crash leaves every
/// message readable under exactly one key. The one query across partitions runs in the background after start-up, and
/// only until a pass completes: a marker row in the Settings table then ends it for good.
/// </summary>
public sealed partial class MessageKeyMigration(StorageClients storage, ILogger<MessageKeyMigration> logger) : BackgroundService
{
    private const string MarkerPartition = "migrations";
    private const string MarkerRow = "message-keys";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if ((await storage.Settings.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: stoppingToken)).HasValue)
            {
                return;
            }
            // New keys start with the inverted time (a '2' or '3' for centuries); old ones with a UUID v7's hex time, a '0'.
            var first = AccountPartition.Messages.Key("0");
            var filter = TableClient.CreateQueryFilter($"RowKey ge {first} and RowKey lt {AccountPartition.Messages.Key("1")}");
            var moved = 0;
            await foreach (var row in storage.Accounts.QueryAsync<TableEntity>(filter, cancellationToken: stoppingToken))
            {
                moved += await MoveAsync(row, stoppingToken) ? 1 : 0;
            }
            await storage.Settings.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["Moved"] = moved }, TableUpdateMode.Replace, stoppingToken);
            Finished(moved);
        }
        catch (Exception e) when (e is RequestFailedException or TableTransactionFailedException)
        {
            // The next start tries again; until then an unmoved message lists among the oldest and is not found by id.
            Failed(e);
        }
    }

    private async Task<bool> MoveAsync(TableEntity legacy, CancellationToken cancellationToken)
    {
        var id = legacy.RowKey[AccountPartition.Messages.Key("").Length..];
        if (MessageRow.CreatedAt(id) is null)
        {
            return false;
        }
        var moved = new TableEntity(legacy) { PartitionKey = legacy.PartitionKey, RowKey = AccountPartition.Messages.Key(MessageRow.Id(id)) };
        moved.Remove("odata.etag");
        moved.Remove("Timestamp");
        await storage.Accounts.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, moved),
            new TableTransactionAction(TableTransactionActionType.Delete, legacy, legacy.ETag),
        ], cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message key migration finished: {Moved} rows moved to newest-first keys.")]
    private partial void Finished(int moved);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message key migration stopped; it resumes at the next start.")]
    private partial void Failed(Exception exception);
}
