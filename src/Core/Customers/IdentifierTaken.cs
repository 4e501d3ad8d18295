using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>An account with the requested identifier exists already (identifiers are never reused).</summary>
public sealed record IdentifierTaken(string Id) : Conflict("identifier-taken", $"The identifier '{Id}' is already taken.");
