using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Tests.Infrastructure;

/// <summary>Direct reads of an account partition, for asserting what a command wrote beside its answer.</summary>
public static class AccountRows
{
    public static async Task<List<TableEntity>> WithPrefix(ServiceFixture f, string accountId, string prefix)
    {
        return await f.StorageClients.Accounts.QueryAsync<TableEntity>(Keys.PrefixRange(accountId, prefix)).ToListAsync();
    }

    /// <summary>The account's history events, newest first.</summary>
    public static async Task<List<HistoryEvent>> Events(ServiceFixture f, string accountId) =>
        [.. (await WithPrefix(f, accountId, HistoryEventRow.Prefix)).Select(AccountPartition.Events.FromEntity)];

    /// <summary>The account's history events of one type, newest first.</summary>
    public static async Task<List<HistoryEvent>> Events(ServiceFixture f, string accountId, string type) =>
        [.. (await Events(f, accountId)).Where(e => e.Type == type)];

    public static async Task<HistoryEvent> SingleEvent(ServiceFixture f, string accountId, string type) =>
        Assert.Single(await Events(f, accountId), e => e.Type == type);

    public static string? Detail(this HistoryEvent e, string name) =>
        e.Details is { } details && details.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    /// <summary>Outbox rows still standing: side effects not yet carried out.</summary>
    public static Task<List<TableEntity>> Outbox(ServiceFixture f, string accountId) => WithPrefix(f, accountId, Core.Storage.Outbox.Prefix);

    /// <summary>
    /// Waits until no outbox recovery message is waiting (each command with side effects leaves one, delayed by
    /// Outbox:RecoveryDelay): a crash test starts from here, so an earlier command's recovery cannot finish its work early.
    /// </summary>
    public static Task RecoveryQueueDrained(ServiceFixture f) =>
        Eventually(async () => (await f.StorageClients.OutboxQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the outbox recovery queue is empty");

    /// <summary>Waits until <paramref name="condition"/> holds (for work the queue workers finish in the background).</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting until " + what);
            await Task.Delay(100);
        }
    }
}
