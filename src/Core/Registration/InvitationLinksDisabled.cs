using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Registration;

/// <summary>The operator has turned invitation links off: they can be neither managed nor used.</summary>
public sealed record InvitationLinksDisabled() : Forbidden("The operator has invitation links turned off.", "invitation-links-disabled");
