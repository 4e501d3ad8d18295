namespace CustomerFunctions.Core.Messages;

/// <summary>One page of the messages sent to a customer.</summary>
public sealed record MessageList(IReadOnlyList<MessageView> Items, string? ContinuationToken);
