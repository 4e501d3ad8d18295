using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Accounts;

/// <summary>
/// Legacy path: a handler that opens its own session with <see cref="AccountStore.OpenAsync(string, ApiRequest, bool)"/>
/// ends with the replayed answer through this exception. Sessions the dispatcher opens carry the replay as a value.
/// </summary>
public sealed class IdempotentReplayException(Replayed replay) : Exception("Idempotent replay")
{
    public Replayed Replay { get; } = replay;
}
