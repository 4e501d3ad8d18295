namespace CustomerFunctions.Core.Storage;

/// <summary>The <c>Outbox</c> settings.</summary>
public sealed class OutboxOptions
{
    /// <summary>How long the safety-net queue message stays invisible: after this, a worker finishes what a crash left undone.</summary>
    public TimeSpan RecoveryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
