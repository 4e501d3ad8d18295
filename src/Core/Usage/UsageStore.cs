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
    private const int MaxAttempts = 20;
    private static readonly UsageRecordRow Rows = new();

    private readonly TableClient table = storage.Table(TableName);

    /// <summary>Creates the table before the host takes requests (once per start, never per call).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => table.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Writes the account's records: each month partition's in transactions of at most 99 records and one rollup shard
    /// (<see cref="UsageRollup"/>), a few transactions at a time. A chunk first tries to add its records; when one
    /// exists already (a replay, a correction) or a shard moved, it reads the chunk's records and writes only the
    /// difference. Normal cost: one query of the shards and one transaction per 99 records.
    /// </summary>
    public async Task WriteAsync(string accountId, IEnumerable<UsageRecord> records, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var chunks = records.Select(r => r with { RecordedAt = recordedAt })
            .GroupBy(r => UsageRecordRow.PartitionKey(accountId, r.From), StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxRowsPerTransaction - 1).Select((chunk, i) => (Partition: partition.Key, Shard: i % UsageRollup.Shards, Records: chunk)))
            .ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (chunk, ct) =>
            await WriteChunkAsync(chunk.Partition, chunk.Shard, chunk.Records, ct));
    }

    private async Task WriteChunkAsync(string partition, int shard, UsageRecord[] records, CancellationToken cancellationToken)
    {
        var readRecords = false;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // The records check before the shards: a writer that commits in between has its shard seen by the query.
            var shards = await RollupShardsAsync(partition, cancellationToken);
            if (shards.Count == 0 && attempt == 1 && await HasRecordsAsync(partition, cancellationToken) && (await RollupShardsAsync(partition, cancellationToken)).Count == 0)
            {
                // A month recorded before rollups existed: reports read its records, so they are written as before.
                await table.SubmitTransactionAsync(records.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Rows.ToEntity(partition, r))), cancellationToken);
                return;
            }
            var existing = readRecords ? await ReadRecordsAsync(partition, records, cancellationToken) : [];
            var actions = new List<TableTransactionAction>();
            var changes = new List<(UsageRecord? Old, UsageRecord New)>();
            foreach (var record in records)
            {
                var row = Rows.ToEntity(partition, record);
                if (existing.GetValueOrDefault(record.Id) is not { } old)
                {
                    actions.Add(new(TableTransactionActionType.Add, row));
                    changes.Add((null, record));
                }
                else if (!SameAmounts(old, row))
                {
                    actions.Add(new(TableTransactionActionType.UpdateReplace, row, old.ETag));
                    changes.Add((Rows.FromEntity(old), record));
                }
            }
            if (actions.Count == 0)
            {
                return;
            }
            var mine = shards.FirstOrDefault(s => s.RowKey == UsageRollup.Key(shard));
            var rollup = mine ?? new TableEntity(partition, UsageRollup.Key(shard));
            UsageRollup.Apply(rollup, changes);
            actions.Add(mine is null ? new(TableTransactionActionType.Add, rollup) : new(TableTransactionActionType.UpdateReplace, rollup, mine.ETag));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // A record exists already or the shard moved: read what is there and write the difference.
                readRecords = true;
                await Task.Delay(Random.Shared.Next(1, Math.Min(200, 4 << Math.Min(attempt, 6))), cancellationToken);
            }
        }
        throw new ConcurrencyConflictException($"Usage partition {partition} kept changing.");
    }

    /// <summary>A replay: the same amounts, period and metric (its first RecordedAt stays).</summary>
    private static bool SameAmounts(TableEntity old, TableEntity row) =>
        ComparedColumns.All(c => Equals(Value(old, c), Value(row, c)));

    private static readonly string[] ComparedColumns = ["ProjectId", "Product", "Metric", "Unit", "Quantity", "From", "To"];

    private static object? Value(TableEntity row, string column) => row.TryGetValue(column, out var value) ? value is DateTimeOffset at ? at.UtcTicks : value : null;

    private async Task<Dictionary<string, TableEntity>> ReadRecordsAsync(string partition, UsageRecord[] records, CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(records.Select(r => table.GetEntityIfExistsAsync<TableEntity>(partition, r.Id, cancellationToken: cancellationToken)));
        return reads.Where(r => r.HasValue).Select(r => r.Value!).ToDictionary(r => r.RowKey, StringComparer.Ordinal);
    }

    private async Task<bool> HasRecordsAsync(string partition, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {UsageRollup.Prefix}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return true;
        }
        return false;
    }

    /// <summary>The month's rollup shards: one query.</summary>
    public async Task<List<TableEntity>> RollupShardsAsync(string partition, CancellationToken cancellationToken)
    {
        return await table.QueryAsync<TableEntity>(Keys.PrefixRange(partition, UsageRollup.Prefix), maxPerPage: UsageRollup.Shards, cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
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
