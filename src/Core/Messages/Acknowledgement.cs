namespace CustomerFunctions.Core.Messages;

/// <summary>One recipient's acknowledgement of a message.</summary>
public sealed record Acknowledgement(string MessageId, string UserId, string? Name, DateTimeOffset At);
