using Azure;
using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Writes derived index rows. Each row carries the source account's version: a write with an older version never
/// overwrites a newer one, and removals leave a tombstone so a late, stale write cannot bring a row back.
/// </summary>
public sealed class IndexTable(StorageClients storage)
{
    public const string AllAccounts = "accounts";
    public static string PartnerCustomers(string partnerId) => "partner|" + partnerId;
    public static string UserMemberships(string userId) => "user|" + KeyEncoding.Encode(userId);
    public static string Token(string purpose, string hash) => "token|" + purpose + "|" + hash;

    public TableClient Table => storage.Index;

    public async Task WriteAsync(string partitionKey, string rowKey, long version, IDictionary<string, object?>? properties, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            if (existing.HasValue && (existing.Value!.GetInt64("Version") ?? -1) >= version)
            {
                return;
            }
            var entity = new TableEntity(partitionKey, rowKey) { ["Version"] = version, ["Removed"] = properties is null };
            foreach (var (key, value) in properties ?? new Dictionary<string, object?>())
            {
                entity[key] = value;
            }
            try
            {
                if (existing.HasValue)
                {
                    await Table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(entity, cancellationToken);
                }
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else wrote the row in between: compare versions again.
            }
        }
        throw new ConcurrencyConflictException($"Index row {partitionKey}/{rowKey} kept changing.");
    }

    /// <summary>The row keys of a partition's live rows (tombstones left out), in key order.</summary>
    public async IAsyncEnumerable<string> LiveRowKeysAsync(string partitionKey, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and Removed eq false");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            yield return row.RowKey;
        }
    }

    /// <summary>Up to <paramref name="max"/> live row keys after <paramref name="after"/> ("" for the first), in key order: one bounded page.</summary>
    public async Task<List<string>> LiveRowKeysAfterAsync(string partitionKey, string after, int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey gt {after} and Removed eq false");
        var keys = new List<string>(max);
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
            if (keys.Count == max)
            {
                break;
            }
        }
        return keys;
    }

    /// <summary>A plain pointer row (token hashes): no version, the pointed-to row is the truth.</summary>
    public Task PointAsync(string partitionKey, string accountId, string rowKey, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(partitionKey, "") { ["AccountId"] = accountId, ["TargetRowKey"] = rowKey }, TableUpdateMode.Replace, cancellationToken);

    public async Task<(string AccountId, string RowKey)?> ResolveAsync(string partitionKey, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(partitionKey, "", cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("AccountId") is { } account && row.Value.GetString("TargetRowKey") is { } target ? (account, target) : null;
    }

    /// <summary>Whether partition <paramref name="partitionKey"/> holds a row matching <paramref name="where"/>: one query for at most one row.</summary>
    public async Task<bool> AnyAsync(string partitionKey, FormattableString where, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}") + " and " + TableClient.CreateQueryFilter(where);
        await foreach (var _ in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return true;
        }
        return false;
    }

    public async Task RemovePointerAsync(string partitionKey, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(partitionKey, "", ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
