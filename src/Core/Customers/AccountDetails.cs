namespace CustomerFunctions.Core.Customers;

/// <summary>The fields of an account that people edit, as one value (a PATCH builds the next one with <c>with</c>).</summary>
public sealed record AccountDetails(
    string Name, string? CompanyEmail, string? FirstName, string? LastName, string? CustomId, string? Seller, string Language, bool IsTestAccount);
