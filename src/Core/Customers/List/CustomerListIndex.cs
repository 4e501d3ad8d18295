using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// Keeps the customer list (table CustomerList, see <see cref="ListRows"/>) in step with the accounts. One sync moves
/// an account's rows in one partition as one entity group transaction: the record row (guarded by its ETag, so of two
/// concurrent syncs one wins and the other starts again on fresh state), the counters (by the difference between the
/// record's old entry and the new one), the deletion of the rows the account left and the rows it now stands in. A
/// sync reads the account's profile as it is now, and writes nothing when the record already holds that version, so a
/// late or replayed effect neither resurrects an old position nor counts twice.
/// </summary>
public sealed class CustomerListIndex(StorageClients storage) : IHostedService
{
    public const string TableName = "CustomerList";
    private const int MaxActions = 100;
    private const int MaxAttempts = 40;

    // Enums by name: the record outlives a reordering of AccountStatus or AccountStage.
    private static readonly JsonSerializerOptions EntryJson = new() { Converters = { new JsonStringEnumConverter() } };

    public TableClient Table { get; } = storage.Table(TableName);

    public Task StartAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Places the account in the platform's list and, for a managed account, in its partner's.</summary>
    public async Task SyncAsync(Account account, CancellationToken cancellationToken)
    {
        await SyncAsync(ListRows.Partition(null), account, cancellationToken);
        if (account.PartnerId is not null)
        {
            await SyncAsync(ListRows.Partition(account.PartnerId), account, cancellationToken);
        }
    }

    private async Task SyncAsync(string partition, Account account, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var recordTask = Table.GetEntityIfExistsAsync<TableEntity>(partition, ListRows.RecordKey(account.Id), cancellationToken: cancellationToken);
            var countsTask = Table.GetEntityIfExistsAsync<TableEntity>(partition, ListRows.CountsKey, cancellationToken: cancellationToken);
            var sellersTask = Table.GetEntityIfExistsAsync<TableEntity>(partition, ListRows.SellersKey, cancellationToken: cancellationToken);
            var record = ValueOf(await recordTask);
            var version = record?.GetInt64("Version") ?? -1;
            var complete = record?.GetBoolean("Complete") ?? true;
            if (version > account.Version || (version == account.Version && complete))
            {
                return;
            }
            var actions = version < account.Version
                ? Move(partition, account, record, ValueOf(await countsTask), ValueOf(await sellersTask), complete)
                : Finish(partition, account, record!);
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
                if (actions[0].Entity is TableEntity written && written.GetBoolean("Complete") == true && written.GetInt64("Version") == account.Version)
                {
                    return;
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
            {
                // Another sync moved the record or a counter first (or a row we meant to delete is gone): read again.
                await Task.Delay(Random.Shared.Next(1, Math.Min(200, 4 << Math.Min(attempt, 6))), cancellationToken);
            }
        }
        throw new ConcurrencyConflictException($"The customer list of {partition} kept changing under account {account.Id}.");
    }

    /// <summary>
    /// The account moves to a new version: record, counters, deletions and (when they fit in one transaction) the new
    /// rows. A record left incomplete by an older move first gets its rows back at its own positions (its deletions may
    /// have run), so every row the record names exists before any is deleted.
    /// </summary>
    private static List<TableTransactionAction> Move(string partition, Account account, TableEntity? record, TableEntity? counts, TableEntity? sellers, bool recordComplete)
    {
        var old = record?.GetString("Entry") is { } json ? JsonSerializer.Deserialize<ListEntry>(json, EntryJson) : null;
        if (old is not null && !recordComplete)
        {
            return Upserts(RecordRow(partition, record!.GetInt64("Version") ?? 0, old, complete: true, record.ETag), ListRows.For(old, account, partition));
        }
        var entry = ListEntry.From(account);
        var rows = ListRows.For(entry, account, partition);
        var deletes = old is null ? [] : ListRows.Keys(old).Where(k => !rows.ContainsKey(k)).ToList();
        var counted = new List<TableTransactionAction>();
        var countsRow = counts ?? new TableEntity(partition, ListRows.CountsKey);
        if (ListCounters.ApplyCounts(countsRow, old, entry))
        {
            counted.Add(Write(countsRow, counts is null));
        }
        var sellersRow = sellers ?? new TableEntity(partition, ListRows.SellersKey);
        if (ListCounters.ApplySellers(sellersRow, old, entry))
        {
            counted.Add(Write(sellersRow, sellers is null));
        }
        var fits = 1 + counted.Count + deletes.Count + rows.Count <= MaxActions;
        var recordRow = RecordRow(partition, account.Version, entry, fits, record?.ETag);
        List<TableTransactionAction> actions = [new(record is null ? TableTransactionActionType.Add : TableTransactionActionType.UpdateReplace, recordRow, record?.ETag ?? default), .. counted];
        actions.AddRange(deletes.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k), ETag.All)));
        if (fits)
        {
            actions.AddRange(rows.Values.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
        }
        return actions;
    }

    /// <summary>The second transaction of a move too big for one: the rows, and the record marked complete.</summary>
    private static List<TableTransactionAction> Finish(string partition, Account account, TableEntity record)
    {
        var entry = ListEntry.From(account);
        return Upserts(RecordRow(partition, account.Version, entry, complete: true, record.ETag), ListRows.For(entry, account, partition));
    }

    /// <summary>
    /// Every row a fresh partition holds once <paramref name="accounts"/> are synced (rows, records, counters): what a
    /// sync of each would write, for seeding large lists in bulk transactions instead of one contended sync each.
    /// </summary>
    public static IEnumerable<TableEntity> RowsOfNewPartition(string partition, IReadOnlyList<Account> accounts)
    {
        var counts = new TableEntity(partition, ListRows.CountsKey);
        var sellers = new TableEntity(partition, ListRows.SellersKey);
        foreach (var account in accounts)
        {
            var entry = ListEntry.From(account);
            ListCounters.ApplyCounts(counts, null, entry);
            ListCounters.ApplySellers(sellers, null, entry);
            foreach (var row in ListRows.For(entry, account, partition).Values)
            {
                yield return row;
            }
            yield return RecordRow(partition, account.Version, entry, complete: true, null);
        }
        yield return counts;
        yield return sellers;
    }

    private static List<TableTransactionAction> Upserts(TableEntity recordRow, Dictionary<string, TableEntity> rows) =>
        [new(TableTransactionActionType.UpdateReplace, recordRow, recordRow.ETag), .. rows.Values.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))];

    private static TableEntity RecordRow(string partition, long version, ListEntry entry, bool complete, ETag? etag) =>
        new(partition, ListRows.RecordKey(entry.Id))
        {
            ["Version"] = version,
            ["Entry"] = JsonSerializer.Serialize(entry, EntryJson),
            ["Complete"] = complete,
            ETag = etag ?? default,
        };

    private static TableEntity? ValueOf(NullableResponse<TableEntity> response) => response.HasValue ? response.Value : null;

    private static TableTransactionAction Write(TableEntity row, bool isNew) =>
        isNew ? new(TableTransactionActionType.Add, row) : new(TableTransactionActionType.UpdateReplace, row, row.ETag);
}
