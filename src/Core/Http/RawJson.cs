namespace CustomerFunctions.Core.Http;

/// <summary>A body that is already JSON text (a replayed idempotent response).</summary>
public sealed record RawJson(string Text);
