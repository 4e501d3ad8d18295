using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// The <c>EmailKeys</c> table: one random salt per account, from which (with the service's sealing keys, held outside
/// storage) the key that seals the account's queued emails is derived. Erasing an account deletes its salt, and with it
/// every copy of its emails still on the queues: they can no longer be opened, wherever they wait (crypto-shredding),
/// so erasure costs one request however long the queues are. Neither the salt nor the sealing keys alone open anything.
/// </summary>
public sealed class QueuedEmailKeys(StorageClients storage, ServiceKeys serviceKeys)
{
    public const string TableName = "EmailKeys";
    private const string RowKey = "salt";
    private const int SaltBytes = 32;

    private readonly TableCreatedOnce tableOnce = new(storage.Table(TableName));

    /// <summary>
    /// Sealing keys already read, for sealing only: a key cached past its account's erasure seals an email nobody can open
    /// any more, which is what erasure wants. Opening never uses the cache, so it sees an erasure at once.
    /// </summary>
    private readonly ConcurrentDictionary<string, IReadOnlyList<byte[]>> sealingKeys = new();

    private const int MaxCachedAccounts = 10_000;

    /// <summary>The account's keys for sealing, newest first, creating its salt on the account's first email.</summary>
    public async Task<IReadOnlyList<byte[]>> ForSealingAsync(string accountId, CancellationToken cancellationToken)
    {
        if (sealingKeys.TryGetValue(accountId, out var cached))
        {
            return cached;
        }
        await tableOnce.EnsureAsync(cancellationToken);
        var salt = await ReadSaltAsync(accountId, cancellationToken);
        if (salt is null)
        {
            salt = RandomNumberGenerator.GetBytes(SaltBytes);
            try
            {
                await tableOnce.Table.AddEntityAsync(new TableEntity(KeyOf(accountId), RowKey) { ["Salt"] = salt }, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another instance created it first: use theirs.
                salt = await ReadSaltAsync(accountId, cancellationToken) ?? throw new InvalidOperationException($"The email key of account {accountId} vanished while it was created.");
            }
        }
        var keys = Derive(accountId, salt);
        if (sealingKeys.Count >= MaxCachedAccounts)
        {
            sealingKeys.Clear();
        }
        sealingKeys[accountId] = keys;
        return keys;
    }

    /// <summary>The account's keys for opening, read from storage every time; null once the account was erased.</summary>
    public async Task<IReadOnlyList<byte[]>?> ForOpeningAsync(string accountId, CancellationToken cancellationToken)
    {
        await tableOnce.EnsureAsync(cancellationToken);
        return await ReadSaltAsync(accountId, cancellationToken) is { } salt ? Derive(accountId, salt) : null;
    }

    /// <summary>Deletes the account's salt: its queued emails can never be opened again. Idempotent.</summary>
    public async Task ForgetAsync(string accountId, CancellationToken cancellationToken)
    {
        await tableOnce.EnsureAsync(cancellationToken);
        sealingKeys.TryRemove(accountId, out _);
        try
        {
            await tableOnce.Table.DeleteEntityAsync(KeyOf(accountId), RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private async Task<byte[]?> ReadSaltAsync(string accountId, CancellationToken cancellationToken)
    {
        var row = await tableOnce.Table.GetEntityIfExistsAsync<TableEntity>(KeyOf(accountId), RowKey, ["Salt"], cancellationToken);
        return row.HasValue ? row.Value!.GetBinary("Salt") : null;
    }

    private IReadOnlyList<byte[]> Derive(string accountId, byte[] salt) =>
        [.. serviceKeys.StorageSealingKeys.Select(k => HKDF.DeriveKey(HashAlgorithmName.SHA256, k, 32, salt, Encoding.UTF8.GetBytes("queued-email|" + accountId)))];

    private static string KeyOf(string accountId) => KeyEncoding.Encode(accountId);
}
