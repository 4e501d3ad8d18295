namespace CustomerFunctions.Core.Customers;

/// <summary>A JSON merge patch of an account: absent fields stay, <c>null</c> clears an optional field.</summary>
public sealed record UpdateCustomerBody(
    string? Name, string? CompanyEmail, string? FirstName, string? LastName, string? CustomId, string? Seller, string? Language, bool? IsTestAccount);
