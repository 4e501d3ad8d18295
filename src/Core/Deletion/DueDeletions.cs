using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// The due-deletions index: partition <see cref="Partition"/> of the index table (rows see <see cref="DueDeletionRow"/>),
/// so the sweep finds everything due up to now with one range query on one partition. Rows are pointers, never the
/// truth: the sweep re-checks each account's own state and removes rows that no longer match it. Removed rows are
/// deleted, not tombstoned, so the range the sweep reads holds only the work still due. The only code touching it.
/// </summary>
public sealed class DueDeletions(IndexTable index)
{
    public const string Partition = "deletions-due";

    private static readonly DueDeletionRow Rows = new();

    /// <summary>Every row due at or before <paramref name="now"/>, earliest first.</summary>
    public async IAsyncEnumerable<Stored<DueDeletion>> DueByAsync(
        DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {DueDeletionRow.KeyAfter(now)}");
        await foreach (var row in index.Table.QueryAsync<TableEntity>(filter, select: ["RowKey", "AccountId"], cancellationToken: cancellationToken))
        {
            yield return new Stored<DueDeletion>(Rows.FromEntity(row), row.RowKey, row.ETag);
        }
    }

    public Task ScheduleAsync(DueDeletion due, CancellationToken cancellationToken) =>
        index.Table.UpsertEntityAsync(Rows.ToEntity(Partition, due), TableUpdateMode.Replace, cancellationToken);

    public Task UnscheduleAsync(DueDeletion due, CancellationToken cancellationToken) =>
        RemoveAsync(DueDeletionRow.Key(due.DueAt, due.AccountId), cancellationToken);

    /// <summary>Removes a row by its key (also a malformed one the sweep read); a row already gone is fine.</summary>
    public async Task RemoveAsync(string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await index.Table.DeleteEntityAsync(Partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
