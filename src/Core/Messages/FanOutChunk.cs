namespace CustomerFunctions.Core.Messages;

/// <summary>The <c>partner-messages</c> queue message: deliver the page of the partner's customers after <paramref name="Cursor"/>.</summary>
/// <param name="TraceParent">The trace of the message's sending, continued by every chunk (absent in chunks queued before it was added).</param>
public sealed record FanOutChunk(string PartnerId, string MessageId, string Cursor, string? TraceParent = null);
