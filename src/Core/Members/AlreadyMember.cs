using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Members;

/// <summary>The caller asked to join an account they already belong to.</summary>
public sealed record AlreadyMember() : Conflict("already-member", "You are already a member of this account; an admin can change your role.");
