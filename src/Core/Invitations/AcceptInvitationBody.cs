namespace CustomerFunctions.Core.Invitations;

public sealed record AcceptInvitationBody(string? Token);
