using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Registration;

/// <summary>Self-registration is closed: only invitation links open registration.</summary>
public sealed record RegistrationDisabled() : Forbidden("Self-registration is closed; register through a partner's invitation link.", "registration-disabled");
