using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Take the account's row for <paramref name="DueAt"/> out of the due-deletions index.</summary>
public sealed record UnscheduleDeletion(DateTimeOffset DueAt) : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DueDeletions>().UnscheduleAsync(new DueDeletion(accountId, DueAt), cancellationToken);
}
