using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>Copy the account's listing fields into the all-accounts and partner listings.</summary>
public sealed record SyncAccountListing : SideEffect<AccountListingIndex>
{
    public override Task RunAsync(string accountId, AccountListingIndex listing, CancellationToken cancellationToken) =>
        listing.SyncAsync(accountId, cancellationToken);
}
