using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.History;

namespace CustomerFunctions.Core.Deletion;

public enum DeletionOutcome { Pending, Cancelled, Deleted }

/// <summary>
/// One request to delete an account, kept forever with its outcome. Rows sort newest first
/// (<c>deletion|{invertedTicks}|{id}</c>), so the standing request, if any, is the first row.
/// </summary>
public sealed class DeletionRequest
{
    public const string Prefix = "deletion|";

    public required string Id { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public required EventActor RequestedBy { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public DeletionOutcome Outcome { get; private set; } = DeletionOutcome.Pending;
    public DateTimeOffset? ClosedAt { get; private set; }
    public EventActor? ClosedBy { get; private set; }
    public string? Note { get; private set; }
    public ETag ETag { get; private init; }

    public string RowKey => Prefix + HistoryEventRow.TimeKey(RequestedAt) + "|" + Id;

    public bool IsPending => Outcome == DeletionOutcome.Pending;

    /// <summary>A standing request is carried out once its grace period is over.</summary>
    public bool IsDue(DateTimeOffset now) => IsPending && DueAt <= now;

    public void Cancel(EventActor by, string note, DateTimeOffset at) => Close(DeletionOutcome.Cancelled, by, at, note);

    public void Complete(EventActor by, DateTimeOffset at) => Close(DeletionOutcome.Deleted, by, at, null);

    private void Close(DeletionOutcome outcome, EventActor by, DateTimeOffset at, string? note)
    {
        if (!IsPending)
        {
            throw new InvalidOperationException($"Deletion request {Id} is already {Outcome}.");
        }
        Outcome = outcome;
        ClosedBy = by;
        ClosedAt = at;
        Note = note;
    }

    public TableEntity ToEntity(string accountId) => new(accountId, RowKey)
    {
        ["RequestId"] = Id,
        ["RequestedAt"] = RequestedAt,
        ["RequestedBy"] = RequestedBy.UserId,
        ["RequestedByImpersonator"] = RequestedBy.ImpersonatedBy,
        ["Reason"] = Reason,
        ["DueAt"] = DueAt,
        ["Outcome"] = Outcome.ToString(),
        ["ClosedAt"] = ClosedAt,
        ["ClosedBy"] = ClosedBy?.UserId,
        ["ClosedByImpersonator"] = ClosedBy?.ImpersonatedBy,
        ["Note"] = Note,
        ETag = ETag,
    };

    public static DeletionRequest FromEntity(TableEntity e) => new()
    {
        Id = e.GetString("RequestId") ?? "",
        RequestedAt = e.GetDateTimeOffset("RequestedAt") ?? DateTimeOffset.MinValue,
        RequestedBy = new EventActor(e.GetString("RequestedBy") ?? "", e.GetString("RequestedByImpersonator")),
        Reason = e.GetString("Reason"),
        DueAt = e.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue,
        Outcome = Enum.TryParse<DeletionOutcome>(e.GetString("Outcome"), out var outcome) ? outcome : DeletionOutcome.Pending,
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
        ClosedBy = e.GetString("ClosedBy") is { } closedBy ? new EventActor(closedBy, e.GetString("ClosedByImpersonator")) : null,
        Note = e.GetString("Note"),
        ETag = e.ETag,
    };
}

/// <summary>A deletion request as the API returns it.</summary>
public sealed record DeletionRequestView(
    string Id, DeletionOutcome Outcome, string? Reason, DateTimeOffset RequestedAt, EventActor RequestedBy, DateTimeOffset DueAt,
    DateTimeOffset? ClosedAt, EventActor? ClosedBy, string? Note)
{
    public static DeletionRequestView From(DeletionRequest r) =>
        new(r.Id, r.Outcome, r.Reason, r.RequestedAt, r.RequestedBy, r.DueAt, r.ClosedAt, r.ClosedBy, r.Note);
}
