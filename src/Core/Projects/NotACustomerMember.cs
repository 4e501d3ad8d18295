using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Projects;

/// <summary>Project access is for the customer account's own members, not for its partner's staff.</summary>
public sealed record NotACustomerMember() : Conflict("not-a-customer-member", "Only members of the customer account can be given access to its projects.");
