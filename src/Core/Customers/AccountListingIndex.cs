using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers.List;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>
/// The listing partitions of the index: <c>accounts</c> (every account) and <c>partner|{id}</c> (one partner's
/// customers), a <see cref="ListingRow"/> per account. <see cref="SyncAsync"/> copies a profile into them after each
/// command (<see cref="SyncAccountListing"/>), and the account into the customer list (<see cref="CustomerListIndex"/>).
/// The listing partitions answer the questions that need every customer of a partner (fan-outs, "has live customers").
/// </summary>
public sealed class AccountListingIndex(AccountStore accounts, IndexTable index, CustomerListIndex list)
{
    public static string Partition(string? partnerId) => partnerId is null ? IndexTable.AllAccounts : IndexTable.PartnerCustomers(partnerId);

    /// <summary>Writes the account's current profile into the listings it belongs to (never over a newer copy).</summary>
    public async Task SyncAsync(string accountId, CancellationToken cancellationToken)
    {
        if (await accounts.ReadAccountAsync(accountId, cancellationToken) is not { Account: var account })
        {
            return;
        }
        // The customer list's rows first: the listing rows below are one row each and cheap to redo.
        await list.SyncAsync(account, cancellationToken);
        var properties = AccountRow.Properties(account);
        await index.WriteAsync(Partition(null), accountId, account.Version, properties, cancellationToken);
        if (account.PartnerId is not null)
        {
            await index.WriteAsync(Partition(account.PartnerId), accountId, account.Version, properties, cancellationToken);
        }
    }
}
