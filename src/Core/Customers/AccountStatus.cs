namespace CustomerFunctions.Core.Customers;

public enum AccountStatus { PendingApproval, Active, Disabled, DeletionRequested, Deleted }
