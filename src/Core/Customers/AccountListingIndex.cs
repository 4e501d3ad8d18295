using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>
/// The listing partitions of the index: <c>accounts</c> (every account) and <c>partner|{id}</c> (one partner's
/// customers), a <see cref="ListingRow"/> per account. <see cref="SyncAsync"/> copies a profile into them after each
/// command (<see cref="SyncAccountListing"/>); <see cref="PageAsync"/> answers the account listing from them.
/// </summary>
public sealed class AccountListingIndex(AccountStore accounts, IndexTable index, Paging paging)
{
    public static string Partition(string? partnerId) => partnerId is null ? IndexTable.AllAccounts : IndexTable.PartnerCustomers(partnerId);

    /// <summary>Writes the account's current profile into the listings it belongs to (never over a newer copy).</summary>
    public async Task SyncAsync(string accountId, CancellationToken cancellationToken)
    {
        if (await accounts.ReadAccountAsync(accountId, cancellationToken) is not { Account: var account })
        {
            return;
        }
        var properties = AccountRow.Properties(account);
        await index.WriteAsync(Partition(null), accountId, account.Version, properties, cancellationToken);
        if (account.PartnerId is not null)
        {
            await index.WriteAsync(Partition(account.PartnerId), accountId, account.Version, properties, cancellationToken);
        }
    }

    /// <summary>One page of listed accounts, by id, with a continuation token bound to the query.</summary>
    public async Task<(List<Account> Items, string? ContinuationToken)> PageAsync(ListingQuery query, ApiRequest request)
    {
        var partition = Partition(query.PartnerId);
        // Each clause is built by CreateQueryFilter (values escaped); joining escaped clauses keeps the filter safe.
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Removed eq false") };
        if (query.Status is { } status)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        }
        if (query.Seller is { } seller)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Seller eq {seller}"));
        }
        if (query.Search is { } search)
        {
            var end = Keys.PrefixEnd(search);
            clauses.Add(TableClient.CreateQueryFilter($"((NameLower ge {search} and NameLower lt {end}) or (RowKey ge {search} and RowKey lt {end}))"));
        }
        if (query.TestAccounts is { } testAccounts)
        {
            clauses.Add(TableClient.CreateQueryFilter($"IsTestAccount eq {testAccounts}"));
        }
        var scope = Paging.Scope(request, partition, StatusName(query.Status), query.Seller, query.Search, TestAccountsName(query.TestAccounts));
        var (rows, token) = await paging.QueryAsync(index.Table, string.Join(" and ", clauses), request, scope);
        return ([.. rows.Select(ListingRow.Instance.FromEntity)], token);
    }

    private static string? StatusName(AccountStatus? status) => status is { } s ? JsonNamingPolicy.CamelCase.ConvertName(s.ToString()) : null;

    private static string TestAccountsName(bool? testAccounts) => testAccounts switch { null => "include", true => "only", false => "exclude" };
}
