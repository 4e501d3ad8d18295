using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>An impersonation token tried to act beyond the one customer account it impersonates.</summary>
public sealed record ImpersonationConfined() : Forbidden("An impersonation token acts only inside its customer account.");
