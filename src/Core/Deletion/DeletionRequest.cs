using CustomerFunctions.Core.History;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// One request to delete an account, kept forever with its outcome (stored newest first, see <see cref="DeletionRequestRow"/>,
/// so the standing request, if any, is the first row). Closing it gives a new value; a request closes once.
/// </summary>
public sealed record DeletionRequest
{
    public required string Id { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public required EventActor RequestedBy { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public DeletionOutcome Outcome { get; init; } = DeletionOutcome.Pending;
    public DateTimeOffset? ClosedAt { get; init; }
    public EventActor? ClosedBy { get; init; }
    public string? Note { get; init; }

    public bool IsPending => Outcome == DeletionOutcome.Pending;

    /// <summary>A standing request is carried out once its grace period is over.</summary>
    public bool IsDue(DateTimeOffset now) => IsPending && DueAt <= now;

    public DeletionRequest Cancel(EventActor by, string? note, DateTimeOffset at) => Close(DeletionOutcome.Cancelled, by, at, note);

    public DeletionRequest Complete(EventActor by, DateTimeOffset at) => Close(DeletionOutcome.Deleted, by, at, null);

    private DeletionRequest Close(DeletionOutcome outcome, EventActor by, DateTimeOffset at, string? note) => IsPending
        ? this with { Outcome = outcome, ClosedBy = by, ClosedAt = at, Note = note }
        : throw new InvalidOperationException($"Deletion request {Id} is already {Outcome}.");
}
