namespace CustomerFunctions.Core.Storage;

/// <summary>A command lost an optimistic-concurrency race; the dispatcher runs it again on fresh state.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The request repeats an Idempotency-Key already used with the same body: answer what was answered then.</summary>
public sealed class IdempotentReplayException(Http.ApiResponse response) : Exception("Idempotent replay")
{
    public Http.ApiResponse Response { get; } = response;
}
