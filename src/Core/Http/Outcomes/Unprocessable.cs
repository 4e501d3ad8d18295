namespace CustomerFunctions.Core.Http;

/// <summary>The request cannot be carried out as sent (a reused idempotency key, a token for another user).</summary>
public record Unprocessable(string Type, string Detail) : Failure;
