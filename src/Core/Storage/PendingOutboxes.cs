using Azure;
using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Index partition <c>outbox-pending</c>: one marker per account that may hold outbox rows, so the backstop timer finds
/// them without scanning accounts. A command cannot write the marker in its own transaction (another partition), so it
/// upserts it before committing: a marker without rows is harmless (the timer finds the outbox empty and removes it).
/// Should the index be unavailable then, the command commits anyway and its recovery message marks the account when
/// the rows still fail, so rows go unmarked only while their recovery message is still alive. The marker holds when it was last written: the timer removes only markers
/// older than a command can take between marking and committing, so it never removes one a commit still relies on.
/// </summary>
public sealed class PendingOutboxes(StorageClients storage, TimeProvider time)
{
    public const string Partition = "outbox-pending";

    public Task MarkAsync(string accountId, CancellationToken cancellationToken) =>
        storage.Index.UpsertEntityAsync(new TableEntity(Partition, accountId) { ["MarkedAt"] = time.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Every marker with when it was last written and its ETag, in account order.</summary>
    public async IAsyncEnumerable<(string AccountId, DateTimeOffset MarkedAt, ETag ETag)> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in storage.Index.QueryAsync<TableEntity>(filter, select: ["RowKey", "MarkedAt"], cancellationToken: cancellationToken))
        {
            yield return (row.RowKey, row.GetDateTimeOffset("MarkedAt") ?? DateTimeOffset.MinValue, row.ETag);
        }
    }

    /// <summary>Removes a marker unless a command marked the account again since it was read.</summary>
    public async Task ClearAsync(string accountId, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Index.DeleteEntityAsync(Partition, accountId, etag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
        }
    }
}
