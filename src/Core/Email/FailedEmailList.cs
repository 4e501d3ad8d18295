namespace CustomerFunctions.Core.Email;

/// <summary>The oldest kept failed emails (a queue shows at most 32 without taking them) and how many are kept in all.</summary>
public sealed record FailedEmailList(IReadOnlyList<FailedEmailView> Items, int ApproximateTotal, string? ContinuationToken = null);
