namespace CustomerFunctions.Core.Deletion;

public sealed record DeletionRequestPage(IReadOnlyList<DeletionRequestView> Items, string? ContinuationToken);
