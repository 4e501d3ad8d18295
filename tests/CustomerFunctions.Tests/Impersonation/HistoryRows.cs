using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Impersonation;

/// <summary>Reads an account's history straight from its partition (the history route lives in another feature).</summary>
public static class HistoryRows
{
    public static async Task<List<HistoryEvent>> Of(ServiceFixture f, string accountId, string? type = null)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {HistoryEventRow.Prefix} and RowKey lt {"event}"}");
        var events = new List<HistoryEvent>();
        await foreach (var row in f.StorageClients.Accounts.QueryAsync<TableEntity>(filter))
        {
            var e = AccountPartition.Events.FromEntity(row);
            if (type is null || e.Type == type)
            {
                events.Add(e);
            }
        }
        return events;
    }
}
