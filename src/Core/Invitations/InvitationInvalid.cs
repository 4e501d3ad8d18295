using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Invitations;

/// <summary>One answer for unknown, used, cancelled, replaced and expired tokens, so the answer reveals nothing.</summary>
public sealed record InvitationInvalid() : Gone(
    "invitation-invalid", "This invitation link is not valid: it was already used, cancelled, replaced by a newer email, or it expired. Ask for a new invitation.");
