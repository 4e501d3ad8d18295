using CustomerFunctions.Core.History;

namespace CustomerFunctions.Core.Settings;

/// <summary>One change of the operator settings: who, when, and each field's old and new value. Append-only; keyed by the settings revision it produced, so it reads newest first.</summary>
public sealed record SettingsAuditEntry(string Id, long Revision, DateTimeOffset At, string UserId, IReadOnlyList<FieldChange> Changes);
