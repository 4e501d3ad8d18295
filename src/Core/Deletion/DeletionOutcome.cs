namespace CustomerFunctions.Core.Deletion;

public enum DeletionOutcome { Pending, Cancelled, Deleted }
