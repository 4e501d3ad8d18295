namespace CustomerFunctions.Core.Deletion;

public sealed record RequestDeletionBody(string? Reason);
