using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.History;

/// <summary>Row <c>event|{inverted time}|{id}</c> of the account partition: the history, newest first.</summary>
public sealed class HistoryEventRow : RowMapper<HistoryEvent>
{
    public const string Prefix = "event|";

    /// <summary>The key part of an event: inverted ticks, then the event id, so later events sort first.</summary>
    public static string Id(DateTimeOffset at, string eventId) => TimeKey(at) + "|" + eventId;

    public static string TimeKey(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>
    /// The key parts [Start, End) holding the events at or after <paramref name="from"/> and before <paramref name="to"/>
    /// (null: open). Later times sort first, so "to" bounds from below and "from" from above; a time key is followed by '|'
    /// in every key, and '|' &lt; '}', so "key}" sorts after every event at that instant.
    /// </summary>
    public static (string? Start, string? End) Window(DateTimeOffset? from, DateTimeOffset? to) =>
        (to is { } before ? TimeKey(before) + "}" : null, from is { } since ? TimeKey(since) + "}" : null);

    public override TableEntity ToEntity(string partitionKey, HistoryEvent value) => new(partitionKey, Prefix + Id(value.At, value.Id))
    {
        ["EventId"] = value.Id,
        ["Type"] = value.Type,
        ["At"] = value.At,
        ["ActorUserId"] = value.Actor.UserId,
        ["ImpersonatedBy"] = value.Actor.ImpersonatedBy,
        ["Details"] = value.Details?.GetRawText(),
        ["Changes"] = value.Changes is null ? null : JsonSerializer.Serialize(value.Changes, Json.Options),
    };

    public override HistoryEvent FromEntity(TableEntity entity) => new(
        entity.GetString("EventId") ?? "",
        entity.GetString("Type") ?? "",
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        new EventActor(entity.GetString("ActorUserId") ?? "", entity.GetString("ImpersonatedBy")),
        entity.GetString("Details") is { } details ? JsonDocument.Parse(details).RootElement.Clone() : null,
        entity.GetString("Changes") is { } changes ? JsonSerializer.Deserialize<List<FieldChange>>(changes, Json.Options) : null);
}
