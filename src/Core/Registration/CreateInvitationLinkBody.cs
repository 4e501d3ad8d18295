namespace CustomerFunctions.Core.Registration;

public sealed record CreateInvitationLinkBody(DateTimeOffset? ExpiresAt, int? MaxUses);
