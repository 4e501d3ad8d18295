using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Put the account into the due-deletions index at its due time.</summary>
public sealed record ScheduleDeletion(DateTimeOffset DueAt) : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DueDeletions>().ScheduleAsync(new DueDeletion(accountId, DueAt), cancellationToken);
}
