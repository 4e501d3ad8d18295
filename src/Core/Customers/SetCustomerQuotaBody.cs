namespace CustomerFunctions.Core.Customers;

public sealed record SetCustomerQuotaBody(int? Projects);
