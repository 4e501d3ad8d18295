using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace CustomerFunctions.Core.Usage;

/// <summary>
/// The UsageRecords table: high-volume metering data kept out of the account partitions (it is not account state
/// and needs neither history events nor the profile's concurrency guard). The only code touching that table.
/// </summary>
public sealed class UsageStore(StorageClients storage) : IHostedService
{
    public const string TableName = "UsageRecords";
    private const int MaxRowsPerTransaction = 100;
    private static readonly UsageRecordRow Rows = new();

    private readonly TableClient table = storage.Table(TableName);

    /// <summary>Creates the table before the host takes requests (once per start, never per call).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => table.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Upserts the account's records: each month partition's rows in transactions of at most 100, a few partitions at a time.</summary>
    public async Task WriteAsync(string accountId, IEnumerable<UsageRecord> records, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var batches = records.Select(r => Rows.ToEntity(UsageRecordRow.PartitionKey(accountId, r.From), r with { RecordedAt = recordedAt }))
            .GroupBy(r => r.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxRowsPerTransaction))
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), ct));
    }

    /// <summary>
    /// The records of the account's month partition <paramref name="month"/> whose period lies within <paramref name="period"/>,
    /// with only their <see cref="UsageRecordRow.AmountColumns"/> read.
    /// </summary>
    public async IAsyncEnumerable<UsageRecord> AmountsAsync(string accountId, DateTimeOffset month, UsagePeriod period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UsageRecordRow.PartitionKey(accountId, month)} and From ge {period.From} and To le {period.To}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: UsageRecordRow.AmountColumns, cancellationToken: cancellationToken))
        {
            yield return Rows.FromEntity(row);
        }
    }
}
