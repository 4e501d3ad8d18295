using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Registration;

/// <summary>The invitation link does not open registration (now).</summary>
public sealed record InvitationLinkInvalid() : Forbidden("The invitation link is unknown, expired, used up or revoked.", "invitation-link-invalid");
