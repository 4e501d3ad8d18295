using CustomerFunctions.Core.History;

namespace CustomerFunctions.Core.Settings;

public sealed record SettingsAuditView(string Id, long Revision, DateTimeOffset At, string UserId, IReadOnlyList<FieldChange> Changes);
