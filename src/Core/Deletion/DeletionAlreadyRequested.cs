using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Deletion;

/// <summary>The account already has a standing deletion request.</summary>
public sealed record DeletionAlreadyRequested() : Conflict("deletion-already-requested", "A deletion request for this account is already standing.");
