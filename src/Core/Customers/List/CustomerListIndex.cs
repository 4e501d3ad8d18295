using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// Keeps the customer list (table CustomerList, see <see cref="ListRows"/>) in step with the accounts. One sync moves
/// an account's rows in one partition as one entity group transaction: its record (guarded by the record's ETag, so of
/// two concurrent syncs one wins and the other starts again on fresh state), its counter shard (by the difference
/// between the record's old columns and the new ones), the deletion of the rows it left and the rows it now stands in.
/// A sync places the profile as it is now and writes nothing when the record already holds that version, so a late
/// or replayed effect neither resurrects an old position nor counts twice.
/// </summary>
public sealed class CustomerListIndex(StorageClients storage) : IHostedService
{
    public const string TableName = "CustomerList";
    private const int MaxAttempts = 40;

    public TableClient Table { get; } = storage.Table(TableName);

    public Task StartAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Places the account in the platform's list and, for a managed account, in its partner's.</summary>
    public async Task SyncAsync(Account account, CancellationToken cancellationToken)
    {
        foreach (var partition in ListRows.PartitionsOf(account))
        {
            await SyncAsync(partition, account, cancellationToken);
        }
    }

    private async Task SyncAsync(string partition, Account account, CancellationToken cancellationToken)
    {
        var counterKey = ListRows.CounterKey(account.Id);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var recordTask = Table.GetEntityIfExistsAsync<TableEntity>(partition, ListRows.RecordKey(account.Id), cancellationToken: cancellationToken);
            var shardTask = Table.GetEntityIfExistsAsync<TableEntity>(partition, counterKey, cancellationToken: cancellationToken);
            var record = ValueOf(await recordTask);
            if ((record?.GetInt64("Version") ?? -1) >= account.Version)
            {
                return;
            }
            var shard = ValueOf(await shardTask);
            try
            {
                await Table.SubmitTransactionAsync(Move(partition, account, record, shard, counterKey), cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
            {
                // Another sync moved the record or the shard first (or a row to delete is gone): read again.
                await Task.Delay(Random.Shared.Next(1, Math.Min(200, 4 << Math.Min(attempt, 6))), cancellationToken);
            }
        }
        throw new ConcurrencyConflictException($"The customer list of {partition} kept changing under account {account.Id}.");
    }

    private static List<TableTransactionAction> Move(string partition, Account account, TableEntity? record, TableEntity? shard, string counterKey)
    {
        var entry = ListEntry.From(account);
        var rows = ListRows.For(entry, account, partition);
        var oldKeys = record?.GetString("Keys") is { } json ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];
        var old = record is null ? null : ListEntry.From(ListRows.Read(record));
        var recordRow = ListRows.WithColumns(new TableEntity(partition, ListRows.RecordKey(account.Id)), entry, account);
        recordRow["Keys"] = JsonSerializer.Serialize(rows.Keys.Order(StringComparer.Ordinal));
        List<TableTransactionAction> actions =
        [
            record is null ? new(TableTransactionActionType.Add, recordRow) : new(TableTransactionActionType.UpdateReplace, recordRow, record.ETag),
        ];
        var counters = shard ?? new TableEntity(partition, counterKey);
        if (ListCounters.Apply(counters, ListCounters.Contribution.Of(old), ListCounters.Contribution.Of(entry), withSellers: ListRows.IsPartner(partition)))
        {
            actions.Add(shard is null ? new(TableTransactionActionType.Add, counters) : new(TableTransactionActionType.UpdateReplace, counters, shard.ETag));
        }
        actions.AddRange(oldKeys.Where(k => !rows.ContainsKey(k)).Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k), ETag.All)));
        actions.AddRange(rows.Values.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
        return actions;
    }

    /// <summary>
    /// Every row a fresh partition holds once <paramref name="accounts"/> are synced into it (records, rows, counter
    /// shards): what a sync of each would write, for seeding large lists in bulk transactions (the benchmark).
    /// </summary>
    public static IEnumerable<TableEntity> RowsOfNewPartition(string partition, IReadOnlyList<Account> accounts)
    {
        var shards = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            var key = ListRows.CounterKey(account.Id);
            var shard = shards.TryGetValue(key, out var has) ? has : shards[key] = new TableEntity(partition, key);
            foreach (var action in Move(partition, account, null, shard, key).Where(a => a.Entity.RowKey != key))
            {
                yield return (TableEntity)action.Entity;
            }
        }
        foreach (var shard in shards.Values)
        {
            yield return shard;
        }
    }

    private static TableEntity? ValueOf(NullableResponse<TableEntity> response) => response.HasValue ? response.Value : null;
}
