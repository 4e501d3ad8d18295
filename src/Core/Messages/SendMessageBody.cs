namespace CustomerFunctions.Core.Messages;

/// <summary>The body of both send routes (to one customer, to every customer of a partner).</summary>
public sealed record SendMessageBody(string? Subject, string? Body, MessageMode? Mode, MessageAudience? Audience = null, IReadOnlyList<string>? UserIds = null);
