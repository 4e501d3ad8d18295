namespace CustomerFunctions.Core.Storage;

/// <summary>Make the user's membership index row match their member row (or remove it).</summary>
public sealed record SyncMembership(string UserId) : SideEffect<IndexSync>
{
    public override Task RunAsync(string accountId, IndexSync sync, CancellationToken cancellationToken) =>
        sync.SyncMembershipAsync(accountId, UserId, cancellationToken);
}
