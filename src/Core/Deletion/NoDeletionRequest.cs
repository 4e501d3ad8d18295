using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Deletion;

/// <summary>There is no standing deletion request to cancel.</summary>
public sealed record NoDeletionRequest() : Conflict("no-deletion-request", "No deletion request is standing for this account.");
