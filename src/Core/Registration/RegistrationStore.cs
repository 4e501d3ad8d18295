using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace CustomerFunctions.Core.Registration;

/// <summary>
/// The <c>Registrations</c> table: pending registrations (partition <c>pending|{tokenHash}</c>) and the per-email send
/// slots (partition <c>emailcap|{emailHash}</c>, one row per slot) that cap confirmation emails across every instance.
/// </summary>
public sealed class RegistrationStore(StorageClients storage, IConfiguration configuration)
{
    public const string TableName = "Registrations";
    private const string SlotPrefix = "emailcap|";

    /// <summary>How long a send slot stays taken after its email.</summary>
    private static readonly TimeSpan SlotWindow = TimeSpan.FromHours(1);

    private readonly TableClient table = storage.Table(TableName);
    private readonly RegistrationOptions options = RegistrationOptions.From(configuration);
    private Task? created;

    public RegistrationOptions Options => options;

    public async Task AddAsync(PendingRegistration registration, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await table.AddEntityAsync(registration.ToEntity(), cancellationToken);
    }

    public async Task<PendingRegistration?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PendingRegistration.PartitionKey(tokenHash), "", cancellationToken: cancellationToken);
        return row.HasValue ? PendingRegistration.FromEntity(tokenHash, row.Value!) : null;
    }

    public async Task ForgetAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        try
        {
            await table.DeleteEntityAsync(PendingRegistration.PartitionKey(tokenHash), "", ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>
    /// Claims one of the address's send slots for the rolling hour: a slot is free when it was never used or its last
    /// email is an hour old. Each claim is a conditional write, so parallel requests on any instance never share a slot.
    /// Returns null when claimed, else how long until the oldest slot frees up.
    /// </summary>
    public async Task<TimeSpan?> TryClaimEmailSlotAsync(string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var partition = SlotPartition(email);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            var slots = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                slots[row.RowKey] = row;
            }
            var oldest = DateTimeOffset.MaxValue;
            for (var slot = 1; slot <= options.EmailsPerAddressPerHour; slot++)
            {
                var key = "slot-" + slot.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var claim = new TableEntity(partition, key) { ["SentAt"] = now };
                try
                {
                    if (!slots.TryGetValue(key, out var existing))
                    {
                        await table.AddEntityAsync(claim, cancellationToken);
                        return null;
                    }
                    var sentAt = existing.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue;
                    if (sentAt + SlotWindow <= now)
                    {
                        await table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                        return null;
                    }
                    oldest = sentAt < oldest ? sentAt : oldest;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
                {
                    // Another request took this slot first, or the purge removed it as spent: look at the rest.
                }
            }
            if (slots.Count >= options.EmailsPerAddressPerHour && oldest != DateTimeOffset.MaxValue)
            {
                return oldest + SlotWindow - now;
            }
        }
        return SlotWindow;
    }

    /// <summary>
    /// Deletes pending registrations past their expiry (they hold a name and an email nobody confirmed) and send slots
    /// whose hour is over (a missing slot is a free one). Two range queries over those partitions only, never the
    /// accounts; what is left behind by a crash is found again by the next run. Returns how many rows went.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        const string pending = PendingRegistration.PartitionPrefix;
        var expired = TableClient.CreateQueryFilter($"PartitionKey ge {pending} and PartitionKey lt {Keys.PrefixEnd(pending)} and ExpiresAt le {now}");
        var freed = TableClient.CreateQueryFilter($"PartitionKey ge {SlotPrefix} and PartitionKey lt {Keys.PrefixEnd(SlotPrefix)} and SentAt le {now - SlotWindow}");
        var purged = 0;
        foreach (var filter in new[] { expired, freed })
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                try
                {
                    // Only the row as read: a slot claimed again meanwhile has a new ETag and stays.
                    await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                    purged++;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                }
            }
        }
        return purged;
    }

    /// <summary>The partition of one address's send slots (the address is stored only hashed).</summary>
    public static string SlotPartition(string email) => SlotPrefix + IdGenerator.Hash(email.ToLowerInvariant());

    /// <summary>Creates the table once per instance (the host's start-up creation runs before this store exists); a failure is retried on the next call.</summary>
    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var task = created ??= table.CreateIfNotExistsAsync(CancellationToken.None);
        try
        {
            await task.WaitAsync(cancellationToken);
        }
        catch (Exception) when (task.IsFaulted)
        {
            created = null;
            throw;
        }
    }
}
