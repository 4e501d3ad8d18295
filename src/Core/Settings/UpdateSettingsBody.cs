namespace CustomerFunctions.Core.Settings;

/// <summary>PUT body: fields left out keep their current value.</summary>
public sealed record UpdateSettingsBody(SelfRegistration? SelfRegistration, bool? InvitationLinks, int? DeletionGraceDays);
