using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Invitations;

/// <summary>The address belongs to a member of the account already (the same type as <see cref="Members.AlreadyMember"/>, about someone else).</summary>
public sealed record InviteeAlreadyMember(string Email) : Conflict("already-member", $"{Email} is already a member of this account.");
