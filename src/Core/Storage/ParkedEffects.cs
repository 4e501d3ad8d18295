using Azure;
using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// The operators' list of parked outbox rows: index partition <c>outbox-parked</c>, one row per parked outbox row,
/// keyed <c>{accountId}|{effectId}</c>. The outbox row in the account partition stays the truth (it holds the effects);
/// this row only makes parked rows findable without scanning every account.
/// </summary>
public sealed class ParkedEffects(StorageClients storage)
{
    public const string Partition = "outbox-parked";

    public TableClient Table => storage.Index;

    public static string Key(string accountId, string effectId) => accountId + "|" + effectId;

    /// <summary>The URL-safe id of an outbox row: its row key after the prefix, <c>|</c> written as <c>-</c>.</summary>
    public static string EffectId(string outboxRowKey) => outboxRowKey[Outbox.Prefix.Length..].Replace('|', '-');

    public static string OutboxRowKey(string effectId) => Outbox.Prefix + effectId.Replace('-', '|');

    public Task ParkAsync(ParkedEffect parked, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(Partition, Key(parked.AccountId, parked.EffectId))
        {
            ["AccountId"] = parked.AccountId,
            ["EffectId"] = parked.EffectId,
            ["EffectKinds"] = string.Join(',', parked.EffectKinds),
            ["Error"] = parked.Error,
            ["Attempts"] = parked.Attempts,
            ["ParkedAt"] = parked.ParkedAt,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task RemoveAsync(string accountId, string effectId, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, Key(accountId, effectId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    public static ParkedEffect FromEntity(TableEntity row) => new(
        row.GetString("AccountId") ?? "",
        row.GetString("EffectId") ?? "",
        (row.GetString("EffectKinds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetString("Error") ?? "",
        row.GetInt32("Attempts") ?? 0,
        row.GetDateTimeOffset("ParkedAt") ?? DateTimeOffset.MinValue);

    public static string Filter => TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
}
