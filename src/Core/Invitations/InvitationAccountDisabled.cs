using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Invitations;

/// <summary>Nobody joins a disabled account; the invitation stays pending and can be accepted once the account is enabled.</summary>
public sealed record InvitationAccountDisabled() : Conflict("account-disabled",
    "The account you are invited to is disabled; the invitation can be accepted once it is enabled again.");
