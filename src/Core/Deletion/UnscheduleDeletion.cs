using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Take the account's row for <paramref name="DueAt"/> out of the due-deletions index.</summary>
public sealed record UnscheduleDeletion(DateTimeOffset DueAt) : SideEffect<DueDeletions>
{
    public override Task RunAsync(string accountId, DueDeletions dueDeletions, CancellationToken cancellationToken) =>
        dueDeletions.UnscheduleAsync(new DueDeletion(accountId, DueAt), cancellationToken);
}
