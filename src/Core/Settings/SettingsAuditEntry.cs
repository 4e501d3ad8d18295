using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Settings;

/// <summary>One change of the operator settings: who, when, and each field's old and new value. Append-only, newest first.</summary>
public sealed record SettingsAuditEntry(string Id, DateTimeOffset At, string UserId, IReadOnlyList<FieldChange> Changes)
{
    public const string Prefix = "audit|";

    public TableEntity ToEntity() => new(OperatorSettingsStore.PartitionKey, Prefix + HistoryEvent.TimeKey(At) + "|" + Id)
    {
        ["EntryId"] = Id,
        ["At"] = At,
        ["UserId"] = UserId,
        ["Changes"] = JsonSerializer.Serialize(Changes, Json.Options),
    };

    public static SettingsAuditEntry FromEntity(TableEntity e) => new(
        e.GetString("EntryId") ?? "",
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        e.GetString("UserId") ?? "",
        JsonSerializer.Deserialize<List<FieldChange>>(e.GetString("Changes") ?? "[]", Json.Options) ?? []);
}
