namespace CustomerFunctions.Core.History;

/// <summary>One page of an account's history, newest first.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryEvent> Items, string? ContinuationToken);
