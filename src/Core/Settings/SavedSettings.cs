namespace CustomerFunctions.Core.Settings;

/// <summary>The operator settings as last saved: who saved them, when, and the revision (it orders the audit).</summary>
public sealed record SavedSettings(OperatorSettings Settings, DateTimeOffset? UpdatedAt, string? UpdatedBy, long Revision);
