namespace CustomerFunctions.Core.Messages;

/// <summary>One page of the caller's inbox.</summary>
public sealed record InboxList(IReadOnlyList<InboxItemView> Items, string? ContinuationToken);
