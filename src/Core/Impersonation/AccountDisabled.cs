using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Impersonation;

/// <summary>A disabled account is not impersonated: the token would be refused on it anyway.</summary>
public sealed record AccountDisabled() : Conflict("account-disabled", "The account is disabled; an impersonation token would not work on it.");
