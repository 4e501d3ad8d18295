namespace CustomerFunctions.Core.Storage;

/// <summary>The request repeats an Idempotency-Key already used with the same body: answer what was answered then.</summary>
public sealed class IdempotentReplayException(Http.ApiResponse response) : Exception("Idempotent replay")
{
    public Http.ApiResponse Response { get; } = response;
}
