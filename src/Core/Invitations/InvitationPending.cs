using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Invitations;

/// <summary>The address already holds a working invitation: a second would leave two working tokens for one person.</summary>
public sealed record InvitationPending(string Email) : Conflict("invitation-pending", $"{Email} already has a pending invitation: resend it instead.");
