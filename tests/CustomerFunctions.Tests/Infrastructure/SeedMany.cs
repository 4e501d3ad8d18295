using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Tests.Infrastructure;

/// <summary>Large sets of accounts written straight through the SDK with src/Core's own row mappers (the rows CreateCustomer leaves), for scale tests.</summary>
public static class SeedMany
{
    /// <summary><paramref name="count"/> customers of the partner: each profile, and their listing rows in the all-accounts and partner index partitions.</summary>
    public static async Task<List<string>> PartnerCustomers(ServiceFixture f, string partnerId, int count)
    {
        var now = f.Time.GetUtcNow();
        var accounts = Enumerable.Range(0, count).Select(i => new Account
        {
            Id = $"{partnerId}-c{i:D4}",
            Name = "Customer " + i,
            PartnerId = partnerId,
            Language = "en",
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }).ToList();
        var storage = f.StorageClients;
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (a, ct) => await storage.Accounts.AddEntityAsync(AccountPartition.Profile.ToEntity(a.Id, a), ct));
        var listing = accounts.Select(a => ListingRow.Instance.ToEntity(IndexTable.AllAccounts, a))
            .Concat(accounts.Select(a => ListingRow.Instance.ToEntity(IndexTable.PartnerCustomers(partnerId), a)));
        foreach (var batch in listing.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(100)))
        {
            await storage.Index.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
        }
        return [.. accounts.Select(a => a.Id)];
    }
}
