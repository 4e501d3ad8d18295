using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Impersonation;

/// <summary>Only customer accounts can be impersonated (not partners).</summary>
public sealed record NotACustomer() : Conflict("not-a-customer", "Only customer accounts can be impersonated.");
