using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace CustomerFunctions.Core.Usage;

/// <summary>
/// The UsageRecords table: high-volume metering data kept out of the account partitions (it is not account state
/// and needs neither history events nor the profile's concurrency guard).
/// </summary>
public sealed class UsageStore(StorageClients storage) : IHostedService
{
    public const string TableName = "UsageRecords";
    private const int MaxRowsPerTransaction = 100;

    public TableClient Table { get; } = storage.Table(TableName);

    /// <summary>Creates the table before the host takes requests (once per start, never per call).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Upserts the records: each partition's rows in transactions of at most 100, a few partitions at a time.</summary>
    public async Task WriteAsync(IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        var batches = rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxRowsPerTransaction))
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (batch, ct) =>
            await Table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), ct));
    }
}
