using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Put the account into the due-deletions index at its due time.</summary>
public sealed record ScheduleDeletion(DateTimeOffset DueAt) : SideEffect<DueDeletions>
{
    public override Task RunAsync(string accountId, DueDeletions dueDeletions, CancellationToken cancellationToken) =>
        dueDeletions.ScheduleAsync(new DueDeletion(accountId, DueAt), cancellationToken);
}
