namespace CustomerFunctions.Core.Registration;

/// <summary>One registration's use of a link (by the hash of its confirmation token), so confirming twice never counts twice.</summary>
public sealed record InvitationLinkUse(string LinkId, string RegistrationHash, DateTimeOffset UsedAt);
