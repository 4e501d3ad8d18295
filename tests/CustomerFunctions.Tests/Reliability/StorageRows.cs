using Azure.Data.Tables;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Reliability;

/// <summary>Reads storage directly to check what a command left behind.</summary>
public static class StorageRows
{
    public static async Task<List<TableEntity>> PartitionAsync(ServiceFixture f, string accountId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in f.StorageClients.Accounts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {accountId}")))
        {
            rows.Add(row);
        }
        return rows;
    }

    public static int Events(IEnumerable<TableEntity> rows, string type) =>
        rows.Count(r => r.RowKey.StartsWith("event|", StringComparison.Ordinal) && r.GetString("Type") == type);

    /// <summary>All rows of every table (test-sized storage only), to prove a request changed nothing.</summary>
    public static async Task<Dictionary<string, int>> CountAllAsync(ServiceFixture f)
    {
        var counts = new Dictionary<string, int>();
        await foreach (var table in f.StorageClients.TableService.QueryAsync())
        {
            var n = 0;
            await foreach (var row in f.StorageClients.TableService.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                n++;
            }
            counts[table.Name] = n;
        }
        return counts;
    }
}
