namespace CustomerFunctions.Core.Customers;

public sealed record SetAccountKindBody(AccountKind? Kind);
