using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Bench;

/// <summary>
/// Writes big data sets straight through the Azure SDK, using src/Core's own row mappers so the rows are the ones the
/// service writes: transactions of 100 where rows share a partition, many requests in flight otherwise.
/// </summary>
public static class Seeding
{
    public static Task ParallelAsync<T>(IEnumerable<T> items, Func<T, Task> work, int degree = 16) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = degree }, async (item, _) => await work(item));

    /// <summary>Upserts rows in transactions of at most 100 rows of one partition.</summary>
    public static Task BatchUpsertAsync(TableClient table, IEnumerable<TableEntity> rows) =>
        ParallelAsync(
            rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(100)),
            batch => table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))),
            degree: 4);

    /// <summary>A listing row as <see cref="AccountListingIndex.SyncAsync"/> writes it into an index partition.</summary>
    public static TableEntity ListingRow(string partition, Account account) => Core.Customers.ListingRow.Instance.ToEntity(partition, account);

    /// <summary>A customer as CreateCustomer leaves it once committed (Version 1).</summary>
    public static Account Customer(string id, string? partnerId, DateTimeOffset now, string? companyEmail = "", long version = 1) => new()
    {
        Id = id,
        Name = "Customer " + id,
        PartnerId = partnerId,
        CompanyEmail = companyEmail == "" ? "office@" + id + ".example" : companyEmail,
        Language = "en",
        CreatedAt = now,
        UpdatedAt = now,
        Version = version,
    };

    public static TableEntity Event(string accountId, string type, object details, DateTimeOffset at, string actor) =>
        AccountPartition.Events.ToEntity(accountId, new HistoryEvent(Guid.CreateVersion7(at).ToString("N"), type, at, new EventActor(actor), JsonSerializer.SerializeToElement(details, Json.Options), null));

    /// <summary>
    /// The customers of one partner as CreateCustomer writes them: profile and CUSTOMER_CREATED event (one transaction per
    /// account), and the listing rows in the all-accounts and partner index partitions.
    /// </summary>
    public static async Task PartnerCustomersAsync(StorageClients storage, string partnerId, int count, DateTimeOffset now)
    {
        var accounts = Enumerable.Range(0, count).Select(i => Customer($"{partnerId}-c{i:D6}", partnerId, now)).ToList();
        await ParallelAsync(accounts, a => storage.Accounts.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, AccountPartition.Profile.ToEntity(a.Id, a)),
            new TableTransactionAction(TableTransactionActionType.Add, Event(a.Id, EventTypes.CustomerCreated, new { kind = a.Kind, partnerId, name = a.Name }, now, "bench-operator")),
        ]));
        await BatchUpsertAsync(storage.Index, accounts.Select(a => ListingRow(IndexTable.AllAccounts, a)).Concat(accounts.Select(a => ListingRow(IndexTable.PartnerCustomers(partnerId), a))));
    }
}
