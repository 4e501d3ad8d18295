using Azure;
using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// The <c>RateCounters</c> table: fixed-window counts shared by every instance (a per-recipient invitation count, a
/// client address's registrations, the platform's email budget). One row per counter, taken with its ETag, so parallel
/// takes on any instance never exceed the limit. Keys are hashes or fixed names: no address is stored in plain text.
/// </summary>
public sealed class RateCounters(StorageClients storage)
{
    public const string TableName = "RateCounters";
    private const int MaxAttempts = 20;

    private readonly TableCreatedOnce tableOnce = new(storage.Table(TableName));

    /// <summary>The partition of a counter about an address (email or client IP): a SHA-256 of its normalized form.</summary>
    public static string HashedKey(string purpose, string address) => purpose + "|" + IdGenerator.Hash(address.Trim().ToLowerInvariant());

    /// <summary>Takes one from counter (<paramref name="partition"/>, <paramref name="row"/>); null when taken, else when to try again.</summary>
    public async Task<TimeSpan?> TryTakeAsync(string partition, string row, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await tableOnce.EnsureAsync(cancellationToken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await tableOnce.Table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            var current = stored.HasValue ? Read(stored.Value!) : FixedWindow.Empty;
            var (next, retryAfter) = current.Take(now, window, limit);
            if (retryAfter is not null)
            {
                return retryAfter;
            }
            var entity = new TableEntity(partition, row) { ["WindowStart"] = next.Start, ["Count"] = next.Count, ["WindowEnd"] = next.Start + window };
            try
            {
                if (stored.HasValue)
                {
                    await tableOnce.Table.UpdateEntityAsync(entity, stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await tableOnce.Table.AddEntityAsync(entity, cancellationToken);
                }
                return null;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // Another instance took from the same counter first: read it again.
            }
        }
        // Contention this high means the counter is hot: ask the caller to come back rather than count blindly.
        return TimeSpan.FromSeconds(1);
    }

    /// <summary>Deletes counters whose window ended before <paramref name="now"/> (a missing counter is an empty one).</summary>
    public async Task<int> PurgeEndedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await tableOnce.EnsureAsync(cancellationToken);
        var purged = 0;
        await foreach (var row in tableOnce.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"WindowEnd le {now}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await tableOnce.Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                purged++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
            }
        }
        return purged;
    }

    private static FixedWindow Read(TableEntity entity) =>
        new(entity.GetDateTimeOffset("WindowStart") ?? DateTimeOffset.MinValue, entity.GetInt32("Count") ?? 0);

}
