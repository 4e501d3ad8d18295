namespace CustomerFunctions.Core.Storage;

/// <summary>Copy the account's listing fields into the all-accounts and partner listings.</summary>
public sealed record SyncAccountListing : SideEffect<IndexSync>
{
    public override Task RunAsync(string accountId, IndexSync sync, CancellationToken cancellationToken) =>
        sync.SyncListingAsync(accountId, cancellationToken);
}
