namespace CustomerFunctions.Core.Settings;

public sealed record SettingsAuditPage(IReadOnlyList<SettingsAuditView> Items, string? ContinuationToken);
