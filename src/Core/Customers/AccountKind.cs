namespace CustomerFunctions.Core.Customers;

public enum AccountKind { Customer, Partner }
