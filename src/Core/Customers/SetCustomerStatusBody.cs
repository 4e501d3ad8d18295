namespace CustomerFunctions.Core.Customers;

public sealed record SetCustomerStatusBody(AccountStatus? Status);
