namespace CustomerFunctions.Core.Customers;

public sealed record CreateCustomerBody(
    string? Id, string? Name, AccountKind? Kind, string? PartnerId, string? CompanyEmail, string? FirstName, string? LastName,
    string? CustomId, string? Seller, string? Language, bool? IsTestAccount, int? ProjectQuota,
    FirstAdminBody? Admin = null, IReadOnlyList<InitialProductBody?>? Products = null);
