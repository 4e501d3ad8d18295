using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Secrets;

/// <summary>The service keys come from configuration: no table holds them, and key rows of earlier versions are deleted.</summary>
public sealed class ServiceKeysAtRest(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task NoTableRow_HoldsAServiceKey_AfterStartUpAndUse()
    {
        // Sign both kinds of token first, so any lazily stored key would be there by now.
        var partner = await Seed.Partner(f, op);
        var customer = await Seed.Customer(f, op, partner);
        await Seed.Customer(f, op, partner);
        Assert.NotNull((await f.As(op).Get($"/api/customers?partnerId={partner}&pageSize=1")).Is(200).Json.GetProperty("continuationToken").GetString());
        (await f.As(op).Post($"/api/customers/{customer}/impersonation", new { reason = "Key check" })).Is(200);

        var configured = new[] { ServiceFixture.ContinuationKeys, ServiceFixture.ImpersonationKeys };
        var rawKeys = configured.Select(Convert.FromBase64String).ToList();
        await foreach (var table in f.StorageClients.TableService.QueryAsync())
        {
            await foreach (var row in f.StorageClients.TableService.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                Assert.False(table.Name == "Settings" && row.PartitionKey == "keys", $"Settings holds a key row: {row.RowKey}");
                foreach (var (name, value) in row)
                {
                    var holdsKey = value switch
                    {
                        string text => configured.Any(k => text.Contains(k, StringComparison.Ordinal)) || rawKeys.Any(k => text.Contains(Convert.ToHexString(k), StringComparison.OrdinalIgnoreCase)),
                        byte[] bytes => rawKeys.Any(k => bytes.AsSpan().IndexOf(k) >= 0),
                        _ => false,
                    };
                    Assert.False(holdsKey, $"{table.Name}/{row.PartitionKey}/{row.RowKey}.{name} holds a service key");
                }
            }
        }
    }

    [Fact]
    public async Task KeyRowsAnEarlierVersionStored_AreDeletedAtStartUp()
    {
        await f.StopServerAsync();
        var settings = new TableServiceClient(f.Storage.ConnectionString).GetTableClient("Settings");
        foreach (var name in new[] { "continuation", "impersonation" })
        {
            await settings.UpsertEntityAsync(new TableEntity("keys", name) { ["Key"] = Convert.ToBase64String(new byte[32]) });
        }

        await f.StartServerAsync();

        await foreach (var row in f.StorageClients.Settings.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"keys"}")))
        {
            Assert.Fail($"The key row {row.RowKey} survived start-up.");
        }
    }

    [Fact]
    public void TheKeysInUse_AreTheConfiguredOnes()
    {
        var keys = (ServiceKeys)f.Services.GetService(typeof(ServiceKeys))!;
        Assert.Equal(Convert.FromBase64String(ServiceFixture.ContinuationKeys), keys.ContinuationKey);
        Assert.Equal(Convert.FromBase64String(ServiceFixture.ImpersonationKeys), keys.ImpersonationKey);
    }
}
