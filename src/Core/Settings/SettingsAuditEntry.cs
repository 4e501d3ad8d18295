using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Settings;

/// <summary>One change of the operator settings: who, when, and each field's old and new value. Append-only; keyed by the settings revision it produced, so it reads newest first.</summary>
public sealed record SettingsAuditEntry(string Id, long Revision, DateTimeOffset At, string UserId, IReadOnlyList<FieldChange> Changes)
{
    public const string Prefix = "audit|";

    public TableEntity ToEntity() => new(OperatorSettingsStore.PartitionKey, Prefix + (long.MaxValue - Revision).ToString("D19", CultureInfo.InvariantCulture))
    {
        ["EntryId"] = Id,
        ["Revision"] = Revision,
        ["At"] = At,
        ["UserId"] = UserId,
        ["Changes"] = JsonSerializer.Serialize(Changes, Json.Options),
    };

    public static SettingsAuditEntry FromEntity(TableEntity e) => new(
        e.GetString("EntryId") ?? "",
        e.GetInt64("Revision") ?? 0,
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        e.GetString("UserId") ?? "",
        JsonSerializer.Deserialize<List<FieldChange>>(e.GetString("Changes") ?? "[]", Json.Options) ?? []);
}
