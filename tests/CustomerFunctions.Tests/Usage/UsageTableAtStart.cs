using CustomerFunctions.Core.Usage;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Usage;

/// <summary>A fixture of its own: nothing has touched usage yet when the test looks.</summary>
public sealed class UsageTableAtStart(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task TheUsageTable_IsCreatedWhenTheHostStarts_BeforeAnyUsageRequest()
    {
        var tables = new List<string>();
        await foreach (var table in f.StorageClients.TableService.QueryAsync(t => t.Name == UsageStore.TableName))
        {
            tables.Add(table.Name);
        }
        Assert.Equal([UsageStore.TableName], tables);
        Assert.Single(f.StorageClients.AllTables, t => t.Name == UsageStore.TableName);
    }
}
