namespace CustomerFunctions.Core.Customers;

public enum AccountStage { Preparation, Trial, Active, TrialEnd, Deleted }
