namespace CustomerFunctions.Core.Storage;

/// <summary>The <c>Outbox</c> settings.</summary>
public sealed class OutboxOptions
{
    /// <summary>How long the safety-net queue message stays invisible: after this, a worker finishes what a crash left undone.</summary>
    public TimeSpan RecoveryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed runs of one outbox row before it is parked for an operator (the recovery queue tries a message 5 times).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Age from which the backstop timer re-drives an outbox row: well past the recovery message's own retries.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(5);
}
