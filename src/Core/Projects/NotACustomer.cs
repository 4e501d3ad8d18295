using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Projects;

/// <summary>Only customer accounts have projects.</summary>
public sealed record NotACustomer() : Conflict("not-a-customer", "Projects belong to customer accounts; partner accounts have none.");
