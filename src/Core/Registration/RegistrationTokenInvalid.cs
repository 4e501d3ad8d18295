using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Registration;

/// <summary>The confirmation token opens no registration (any more).</summary>
public sealed record RegistrationTokenInvalid() : Gone("registration-token-invalid", "The confirmation token is unknown, already used or expired; register again.");
