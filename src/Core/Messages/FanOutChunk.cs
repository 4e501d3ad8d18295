namespace CustomerFunctions.Core.Messages;

/// <summary>The <c>partner-messages</c> queue message: deliver the page of the partner's customers after <paramref name="Cursor"/>.</summary>
public sealed record FanOutChunk(string PartnerId, string MessageId, string Cursor);
