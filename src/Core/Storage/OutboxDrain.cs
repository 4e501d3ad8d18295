namespace CustomerFunctions.Core.Storage;

/// <summary>What one drain of an account's outbox did: rows finished, rows that failed and wait for a retry, rows parked (now or before), rows too fresh to touch.</summary>
public sealed record OutboxDrain(int Done, int Failed, int Parked, int Waiting)
{
    /// <summary>Nothing is left that a later drain would run.</summary>
    public bool IsSettled => Failed == 0 && Waiting == 0;
}
