using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Messages;

/// <summary>A deleted account's messages can no longer be acknowledged.</summary>
public sealed record AccountDeleted() : Conflict("account-deleted", "The account is deleted; it can only be read.");
