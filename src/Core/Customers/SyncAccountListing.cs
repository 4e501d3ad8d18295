using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Customers;

/// <summary>Copy the account's listing fields into the all-accounts and partner listings.</summary>
/// <remarks>Outbox rows name this effect "SyncAccountListing" (its class name): keep the name.</remarks>
public sealed record SyncAccountListing : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<AccountListingIndex>().SyncAsync(accountId, cancellationToken);
}
