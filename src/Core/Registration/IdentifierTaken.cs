using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Registration;

/// <summary>Another account took the registration's identifier between registering and confirming.</summary>
public sealed record IdentifierTaken(string AccountId)
    : Conflict("identifier-taken", $"The identifier '{AccountId}' was taken in the meantime; register again with another one.");
