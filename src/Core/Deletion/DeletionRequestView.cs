using CustomerFunctions.Core.History;

namespace CustomerFunctions.Core.Deletion;

/// <summary>A deletion request as the API returns it.</summary>
public sealed record DeletionRequestView(
    string Id, DeletionOutcome Outcome, string? Reason, DateTimeOffset RequestedAt, EventActor RequestedBy, DateTimeOffset DueAt,
    DateTimeOffset? ClosedAt, EventActor? ClosedBy, string? Note)
{
    public static DeletionRequestView From(DeletionRequest r) =>
        new(r.Id, r.Outcome, r.Reason, r.RequestedAt, r.RequestedBy, r.DueAt, r.ClosedAt, r.ClosedBy, r.Note);
}
