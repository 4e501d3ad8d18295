namespace CustomerFunctions.Core.Settings;

public sealed record SettingsView(SelfRegistration SelfRegistration, bool InvitationLinks, int DeletionGraceDays, DateTimeOffset? UpdatedAt, string? UpdatedBy);
