namespace CustomerFunctions.Core.Deletion;

public sealed record CancelDeletionBody(string? Note);
