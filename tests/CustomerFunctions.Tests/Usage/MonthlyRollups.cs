using Azure.Data.Tables;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Core.Usage;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Usage;

/// <summary>A whole month is reported from its rollup shards, which replays, corrections and concurrent batches keep exact.</summary>
public sealed class MonthlyRollups(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private static object Record(int i, decimal quantity = 1, string to = "2026-11-02T01:00:00Z") =>
        new { id = $"r-{i:D4}", projectId = i % 2 == 0 ? "web" : "data", product = "compute", metric = "vcpu", quantity, unit = "hours", from = "2026-11-02T00:00:00Z", to };

    [Fact]
    public async Task ReplayedCorrectedAndConcurrentRecords_LeaveTheRollupExact_AndAWholeMonthIsReadFromIt()
    {
        var s = await TenantScene.Build(f, op, MemberRole.PartnerEmployee);
        var batches = Enumerable.Range(0, 4).Select(b => Enumerable.Range(b * 150, 150).Select(i => Record(i)).ToArray()).ToList();
        // Concurrent batches, each of two chunks, one of them sent twice at once (a retried delivery).
        var replies = await Task.WhenAll(batches.Append(batches[0]).Select(b => f.As(op).Post($"/api/customers/{s.Customer}/usage", new { records = b })));
        Assert.All(replies, r => r.Is(200));
        // A replay of another batch later, and a correction of one record (its quantity 1 -> 5).
        (await f.As(op).Post($"/api/customers/{s.Customer}/usage", new { records = batches[2] })).Is(200);
        (await f.As(op).Post($"/api/customers/{s.Customer}/usage", new { records = new[] { Record(3, quantity: 5) } })).Is(200);

        var month = await Report(s.Customer, "from=2026-11-01&to=2026-12-01");
        Assert.Equal([("data", 300m + 4, 300), ("web", 300m, 300)], month);
        // A period that cuts the month reads the records themselves: the same figures.
        Assert.Equal(month, await Report(s.Customer, "from=2026-11-02&to=2026-11-03"));

        // The whole month comes from the shards: a row slipped past the intake is not in it, while a read of the records sees it.
        var table = f.StorageClients.TableService.GetTableClient(UsageStore.TableName);
        var shards = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {s.Customer + "|2026-11"} and RowKey ge {UsageRollup.Prefix}")).ToListAsync();
        Assert.Equal(600, shards.SelectMany(UsageRollup.Read).Sum(t => t.Value.Records));
        await table.AddEntityAsync(new TableEntity(s.Customer + "|2026-11", "slipped") { ["ProjectId"] = "web", ["Product"] = "compute", ["Unit"] = "hours", ["Quantity"] = 7.0, ["From"] = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), ["To"] = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero) });
        Assert.Equal(month, await Report(s.Customer, "from=2026-11-01&to=2026-12-01"));
        Assert.Equal(307m, (await Report(s.Customer, "from=2026-11-02&to=2026-11-03")).Single(l => l.Project == "web").Quantity);

        // A record that ends after the month makes the month's report read its records again (it may fall outside the period).
        (await f.As(op).Post($"/api/customers/{s.Customer}/usage", new { records = new[] { Record(9000, to: "2026-12-02T00:00:00Z") } })).Is(200);
        Assert.Equal(307m, (await Report(s.Customer, "from=2026-11-01&to=2026-12-01")).Single(l => l.Project == "web").Quantity);
    }

    [Fact]
    public void AShardWithMoreGroupsThanItKeeps_StopsKeepingThem_AndStaysInsideAzuresEntityLimit()
    {
        var shard = new TableEntity("a|2026-11", UsageRollup.Key(0));
        var from = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        // Distinct 100-character products: each group costs a few hundred characters of JSON.
        var records = Enumerable.Range(0, 3000).Select(i => new UsageRecord($"r{i}", "web", $"{i:D6}".PadRight(100, 'p'), "m", 1, "hours", from, from.AddHours(1))).ToList();
        UsageRollup.Apply(shard, records.Take(100).Select(r => ((UsageRecord?)null, r)));
        Assert.True(UsageRollup.Usable([shard]));
        Assert.Equal(100, UsageRollup.Read(shard).Count);

        UsageRollup.Apply(shard, records.Skip(100).Select(r => ((UsageRecord?)null, r)));
        Assert.False(UsageRollup.Usable([shard]));
        Assert.True(shard.Select(p => p.Value).OfType<string>().Sum(v => 2L * v.Length) < AzureTableLimits.MaxEntityBytes / 2);
        // Once overflowed it stays so: a later write neither counts again nor grows the row.
        UsageRollup.Apply(shard, records.Take(1).Select(r => ((UsageRecord?)null, r)));
        Assert.False(UsageRollup.Usable([shard]));
        Assert.Empty(UsageRollup.Read(shard));
    }

    [Fact]
    public async Task AMonthWhoseShardOverflowed_IsReadFromItsRecords()
    {
        var s = await TenantScene.Build(f, op, MemberRole.PartnerEmployee);
        (await f.As(op).Post($"/api/customers/{s.Customer}/usage", new { records = Enumerable.Range(0, 10).Select(i => Record(i)).ToArray() })).Is(200);
        var table = f.StorageClients.TableService.GetTableClient(UsageStore.TableName);
        var partition = s.Customer + "|2026-11";
        // A row slipped past the intake shows which source the report reads.
        await table.AddEntityAsync(new TableEntity(partition, "slipped") { ["ProjectId"] = "web", ["Product"] = "compute", ["Unit"] = "hours", ["Quantity"] = 7.0, ["From"] = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), ["To"] = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero) });
        Assert.Equal(5m, (await Report(s.Customer, "from=2026-11-01&to=2026-12-01")).Single(l => l.Project == "web").Quantity);

        var shard = (await table.GetEntityAsync<TableEntity>(partition, UsageRollup.Key(0))).Value;
        shard["Overflowed"] = true;
        await table.UpdateEntityAsync(shard, shard.ETag, TableUpdateMode.Replace);
        Assert.Equal(12m, (await Report(s.Customer, "from=2026-11-01&to=2026-12-01")).Single(l => l.Project == "web").Quantity);
    }

    private async Task<List<(string Project, decimal Quantity, int Records)>> Report(string customer, string query) =>
        [.. (await f.As(op).Get($"/api/customers/{customer}/usage-report?{query}")).Is(200).Json.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("projectId").GetString()!, i.GetProperty("quantity").GetDecimal(), i.GetProperty("records").GetInt32()))];
}
