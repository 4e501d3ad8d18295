namespace CustomerFunctions.Core.Settings;

/// <summary>What the sign-up page needs before anyone signs in, and nothing more (no grace days, no audit, no who-changed-what).</summary>
public sealed record PublicSettingsView(SelfRegistration SelfRegistration, bool InvitationLinks, IReadOnlyCollection<string> Languages);
