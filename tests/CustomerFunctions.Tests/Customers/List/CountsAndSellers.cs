using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Customers.List;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Customers.List;

public sealed class CountsAndSellers(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task Counts_TotalByStatusAndByStage_KeepTestAccountsApart_AndLeaveDeletedOut()
    {
        var list = await ListScene.Start(f, op);
        var a = await list.Customer("A", seller: "Kim");
        var b = await list.Customer("B", seller: "kim");
        var c = await list.Customer("C", seller: "Lee", test: true);
        var gone = await list.Customer("D", seller: "Max");
        (await f.As(op).Put($"/api/customers/{b}/status", new { status = "disabled" })).Is(200);
        await list.Stage(a, AccountStage.Trial);
        (await f.As(op).Delete($"/api/customers/{gone}?confirm={gone}")).Is(200);

        var counts = await Counts($"partnerId={list.Partner}");
        Assert.Equal(2, counts.GetProperty("total").GetInt64());
        Assert.Equal(1, counts.GetProperty("byStatus").GetProperty("active").GetInt64());
        Assert.Equal(1, counts.GetProperty("byStatus").GetProperty("disabled").GetInt64());
        Assert.Equal(1, counts.GetProperty("byStage").GetProperty("trial").GetInt64());
        Assert.Equal(1, counts.GetProperty("byStage").GetProperty("preparation").GetInt64());
        Assert.Equal(1, counts.GetProperty("testAccounts").GetInt64());
        Assert.Equal(3, (await Counts($"partnerId={list.Partner}&testAccounts=include")).GetProperty("total").GetInt64());
        Assert.Equal(1, (await Counts($"partnerId={list.Partner}&testAccounts=only")).GetProperty("total").GetInt64());

        var sellers = await Sellers(list.Partner);
        Assert.Equal([("Kim", 2L), ("Lee", 1L)], sellers);
        _ = c;
    }

    [Fact]
    public async Task ConcurrentCreationsRenamesAndDeletions_LeaveCountsSellersAndTheListExact()
    {
        var list = await ListScene.Start(f, op);
        var ids = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => list.Customer($"Shop {i}", seller: i % 2 == 0 ? "even" : "Odd")));
        var replies = await Task.WhenAll(ids.Select((id, i) => (i % 4) switch
        {
            0 => f.As(op).Delete($"/api/customers/{id}?confirm={id}"),
            1 => f.As(op).Patch($"/api/customers/{id}", new { name = $"Renamed {i}", seller = "even" }),
            2 => f.As(op).Put($"/api/customers/{id}/status", new { status = "disabled" }),
            _ => f.As(op).Patch($"/api/customers/{id}", new { name = $"Again {i}" }),
        }));
        Assert.All(replies, r => r.Is(200));

        var counts = await Counts($"partnerId={list.Partner}");
        Assert.Equal(12, counts.GetProperty("total").GetInt64());
        Assert.Equal(4, counts.GetProperty("byStatus").GetProperty("disabled").GetInt64());
        Assert.Equal(8, counts.GetProperty("byStatus").GetProperty("active").GetInt64());
        // Deleted: 0,4,8,12 (even). Left even: 2,6,10,14 and the renamed odd 1,5,9,13; odd: 3,7,11,15.
        Assert.Equal([("even", 8L), ("Odd", 4L)], await Sellers(list.Partner));
        var (all, _) = await list.All("sort=name&status=active,disabled", pageSize: 5);
        Assert.Equal(ids.Where((_, i) => i % 4 != 0).Order(), all.Order());
        var (renamed, _) = await list.All("search=renamed", pageSize: 2);
        Assert.Equal(4, renamed.Count);
    }

    [Fact]
    public async Task ACrashBetweenCommitAndEffects_Converges_AndALateOrReplayedSyncNeitherMovesBackNorCountsTwice()
    {
        var list = await ListScene.Start(f, op);
        var id = await list.Customer("Original Name", seller: "Kim");
        await AccountRows.RecoveryQueueDrained(f);
        f.Faults.FailWhen(point => point == FaultInjection.AfterCommit);
        try
        {
            (await f.As(op).Patch($"/api/customers/{id}", new { name = "Crashed Name", seller = "Lee" })).IsProblem(500);
        }
        finally
        {
            f.Faults.FailWhen(null);
        }
        // The list still shows the committed state's predecessor until the recovery worker runs the effects.
        Assert.Equal([id], await list.Ids("search=original"));
        await AccountRows.Eventually(async () => (await list.Ids("search=crashed")).Count == 1, "recovery moved the rows");
        Assert.Empty(await list.Ids("search=original"));
        Assert.Equal([("Lee", 1L)], await Sellers(list.Partner));

        // Replaying the effect (a duplicate delivery) changes nothing: the record already holds this version.
        var listing = f.Services.GetRequiredService<AccountListingIndex>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => listing.SyncAsync(id, CancellationToken.None)));
        Assert.Equal(1, (await Counts($"partnerId={list.Partner}")).GetProperty("total").GetInt64());
        Assert.Equal([("Lee", 1L)], await Sellers(list.Partner));
        Assert.Equal([id], await list.Ids("sort=-name&seller=lee"));
        Assert.Empty(await list.Ids("seller=kim"));
    }

    [Fact]
    public async Task Sellers_AreForThePartnersMembers_AndCountsForOperatorsSpanThePlatform()
    {
        var list = await ListScene.Start(f, op);
        await list.Customer("Someone", seller: "Zed");
        (await f.As(TestUser.New("stranger")).Get($"/api/partners/{list.Partner}/sellers")).IsProblem(404);
        var platform = await Counts("testAccounts=include");
        Assert.True(platform.GetProperty("total").GetInt64() >= 2);
    }

    [Fact]
    public void AShardWithMoreSellersThanItKeeps_StopsKeepingThem_AndStaysInsideAzuresEntityLimit()
    {
        var shard = new TableEntity("p|x", ListRows.CounterKey("a"));
        ListCounters.Contribution Seller(int i)
        {
            var name = $"{i:D6}".PadRight(100, 's');
            return new(false, AccountStatus.Active, AccountStage.Preparation, name, name);
        }
        for (var i = 0; i < 100; i++)
        {
            ListCounters.Apply(shard, null, Seller(i), withSellers: true);
        }
        Assert.True(ListCounters.KeepSellers([shard]));
        Assert.Equal(100, ListCounters.ReadSellers(shard).Count);

        for (var i = 100; i < 3000; i++)
        {
            ListCounters.Apply(shard, null, Seller(i), withSellers: true);
        }
        Assert.False(ListCounters.KeepSellers([shard]));
        Assert.Empty(ListCounters.ReadSellers(shard));
        Assert.True(shard.Select(p => p.Value).OfType<string>().Sum(v => 2L * v.Length) < AzureTableLimits.MaxEntityBytes / 2);
        // The counts go on being kept.
        Assert.Equal(3000, shard.GetInt64("LiveTotal"));
    }

    [Fact]
    public async Task WhenAShardOverflowed_TheSellersAreReadFromThePartnersRecords()
    {
        var list = await ListScene.Start(f, op);
        await list.Customer("A", seller: "Kim");
        await list.Customer("B", seller: "kim");
        await list.Customer("C", seller: "Lee");
        var gone = await list.Customer("D", seller: "Max");
        (await f.As(op).Delete($"/api/customers/{gone}?confirm={gone}")).Is(200);
        Assert.Equal([("Kim", 2L), ("Lee", 1L)], await Sellers(list.Partner));

        // An overflowed shard keeps no sellers: the answer stays the same, read from the records.
        var table = f.StorageClients.TableService.GetTableClient(CustomerListIndex.TableName);
        await foreach (var shard in table.QueryAsync<TableEntity>(Keys.PrefixRange(ListRows.Partition(list.Partner), ListRows.CounterPrefix)))
        {
            shard["SellersOverflowed"] = true;
            shard["Sellers"] = "{}";
            await table.UpdateEntityAsync(shard, shard.ETag, TableUpdateMode.Replace);
        }
        Assert.Equal([("Kim", 2L), ("Lee", 1L)], await Sellers(list.Partner));
    }

    private async Task<JsonElement> Counts(string query) => (await f.As(op).Get("/api/customers/counts?" + query)).Is(200).Json;

    private async Task<List<(string, long)>> Sellers(string partner) =>
        [.. (await f.As(op).Get($"/api/partners/{partner}/sellers")).Is(200).Json.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("seller").GetString()!, i.GetProperty("customers").GetInt64()))];
}
