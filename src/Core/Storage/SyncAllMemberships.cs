namespace CustomerFunctions.Core.Storage;

/// <summary>Re-sync every member's index row (after a rename).</summary>
public sealed record SyncAllMemberships : SideEffect<IndexSync>
{
    public override Task RunAsync(string accountId, IndexSync sync, CancellationToken cancellationToken) =>
        sync.SyncAllMembershipsAsync(accountId, cancellationToken);
}
