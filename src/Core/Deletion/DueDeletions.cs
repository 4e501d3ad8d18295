using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// The due-deletions index: one partition of the index table, RowKey <c>{dueTicks:D19}|{accountId}</c>, so the sweep
/// finds everything due up to now with one range query on one partition. Rows are pointers, never the truth: the
/// sweep re-checks each account's own state and deletes rows that no longer match it. Removed rows are deleted, not
/// tombstoned, so the range the sweep reads holds only the work still due.
/// </summary>
public static class DueDeletions
{
    public const string Partition = "deletions-due";

    public static string RowKey(DateTimeOffset dueAt, string accountId) => TicksKey(dueAt.UtcTicks) + "|" + accountId;

    /// <summary>The filter for every row due at or before <paramref name="now"/>.</summary>
    public static string DueBy(DateTimeOffset now) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {TicksKey(now.UtcTicks + 1)}");

    private static string TicksKey(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);

    public static async Task RemoveAsync(IndexTable index, string rowKey, CancellationToken cancellationToken)
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

/// <summary>Put the account into the due-deletions index at its due time.</summary>
public sealed record ScheduleDeletion(DateTimeOffset DueAt) : SideEffect<IndexTable>
{
    public override Task RunAsync(string accountId, IndexTable index, CancellationToken cancellationToken) =>
        index.Table.UpsertEntityAsync(
            new TableEntity(DueDeletions.Partition, DueDeletions.RowKey(DueAt, accountId)) { ["AccountId"] = accountId, ["DueAt"] = DueAt },
            TableUpdateMode.Replace, cancellationToken);
}

/// <summary>Take the account's row for <paramref name="DueAt"/> out of the due-deletions index.</summary>
public sealed record UnscheduleDeletion(DateTimeOffset DueAt) : SideEffect<IndexTable>
{
    public override Task RunAsync(string accountId, IndexTable index, CancellationToken cancellationToken) =>
        DueDeletions.RemoveAsync(index, DueDeletions.RowKey(DueAt, accountId), cancellationToken);
}

/// <summary>Erase what a deleted account still holds about people, in resumable batches (see <see cref="AccountErasure"/>).</summary>
public sealed record EraseAccountData : SideEffect<AccountErasure>
{
    public override Task RunAsync(string accountId, AccountErasure erasure, CancellationToken cancellationToken) =>
        erasure.EraseAsync(accountId, cancellationToken);
}
