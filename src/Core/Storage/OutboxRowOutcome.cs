namespace CustomerFunctions.Core.Storage;

/// <summary>How running one outbox row ended.</summary>
public enum OutboxRowOutcome
{
    /// <summary>Every effect ran; the row is gone.</summary>
    Done,

    /// <summary>Some effects failed: the row keeps only those, with the attempt counted, for a later retry.</summary>
    Failed,

    /// <summary>The row failed <see cref="OutboxOptions.MaxAttempts"/> times: it is skipped until an operator replays it.</summary>
    Parked,
}
