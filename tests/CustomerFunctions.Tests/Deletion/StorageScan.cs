using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Deletion;

/// <summary>
/// Reads everything the service stored: every table the storage account lists (every row, every string property) and
/// every queue (every message, as sent and base64-decoded), and reports where given texts occur.
/// </summary>
public static class StorageScan
{
    /// <summary>Where one needle was found: "table Accounts acme/registration Email" or "queue emails 1f2e...".</summary>
    public sealed record Hit(string Needle, string Store, string? PartitionKey, string Where);

    public static async Task<List<Hit>> FindAsync(ServiceFixture f, IEnumerable<string> needles)
    {
        var wanted = needles.Where(n => n.Length > 0).Distinct().ToList();
        var hits = new List<Hit>();
        var tables = f.StorageClients.TableService;
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var texts = row.Where(p => p.Value is string).Select(p => (p.Key, (string)p.Value!)).Append(("PartitionKey", row.PartitionKey)).Append(("RowKey", row.RowKey));
                foreach (var (property, text) in texts)
                {
                    hits.AddRange(Matches(wanted, text).Select(n => new Hit(n, "table " + table.Name, row.PartitionKey, $"{row.PartitionKey}/{row.RowKey} {property}")));
                }
            }
        }
        var queues = new QueueServiceClient(f.Storage.ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            var client = queues.GetQueueClient(queue.Name);
            foreach (var (messageId, text) in await ReadAllAsync(client))
            {
                foreach (var found in Matches(wanted, text + "\n" + Decoded(text)))
                {
                    hits.Add(new Hit(found, "queue " + queue.Name, null, messageId));
                }
            }
        }
        return hits;
    }

    /// <summary>
    /// Every message of a queue: waits (up to 15 s) until none is invisible (the outbox's delayed recovery messages
    /// surface after seconds; a peek or a receive sees only visible ones), then receives them all, 32 at a time, and
    /// makes them visible again (the tests' queue pumps are asleep, so nobody else takes them meanwhile).
    /// </summary>
    private static async Task<List<(string MessageId, string Text)>> ReadAllAsync(QueueClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var count = (await client.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            var read = new List<Azure.Storage.Queues.Models.QueueMessage>();
            while (true)
            {
                var page = (await client.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(60))).Value;
                if (page.Length == 0)
                {
                    break;
                }
                read.AddRange(page);
            }
            foreach (var message in read)
            {
                await client.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            }
            if (read.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(read.Count >= count, $"Queue {client.Name} holds {count - read.Count} invisible messages the scan cannot read.");
                return [.. read.Select(m => (m.MessageId, m.Body.ToString()))];
            }
            await Task.Delay(250);
        }
    }

    private static IEnumerable<string> Matches(List<string> needles, string text) =>
        needles.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));

    private static string Decoded(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
