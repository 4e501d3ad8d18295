namespace CustomerFunctions.Core.Messages;

/// <summary>Who acknowledged a message, and when.</summary>
public sealed record AcknowledgementView(string UserId, string? Name, DateTimeOffset At);
