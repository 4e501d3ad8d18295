using System.Text.Json;

namespace CustomerFunctions.Core.History;

/// <summary>One entry of an account's append-only history, written in the same transaction as the change it records.</summary>
public sealed record HistoryEvent(string Id, string Type, DateTimeOffset At, EventActor Actor, JsonElement? Details, IReadOnlyList<FieldChange>? Changes);
