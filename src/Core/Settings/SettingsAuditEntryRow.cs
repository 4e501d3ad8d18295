using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Settings;

/// <summary>Row <c>audit|{inverted revision}</c> of the Settings table's <c>operator</c> partition: newest first.</summary>
public sealed class SettingsAuditEntryRow : RowMapper<SettingsAuditEntry>
{
    public const string Prefix = "audit|";

    public static string Id(long revision) => (long.MaxValue - revision).ToString("D19", CultureInfo.InvariantCulture);

    public override TableEntity ToEntity(string partitionKey, SettingsAuditEntry value) => new(partitionKey, Prefix + Id(value.Revision))
    {
        ["EntryId"] = value.Id,
        ["Revision"] = value.Revision,
        ["At"] = value.At,
        ["UserId"] = value.UserId,
        ["Changes"] = JsonSerializer.Serialize(value.Changes, Json.Options),
    };

    public override SettingsAuditEntry FromEntity(TableEntity entity) => new(
        entity.GetString("EntryId") ?? "",
        entity.GetInt64("Revision") ?? 0,
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        entity.GetString("UserId") ?? "",
        JsonSerializer.Deserialize<List<FieldChange>>(entity.GetString("Changes") ?? "[]", Json.Options) ?? []);
}
