using Azure.Data.Tables;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Bench.Operations;

/// <summary>GET /api/customers/{id}/history (first page of 50, newest first) by a customer admin of an account with 1,000 events.</summary>
public sealed class History(Scenario s) : Operation(s)
{
    public const int Events = 1_000;
    private const string Account = "history";
    private const string Admin = "history-admin";
    private string token = "";

    public override string Name => $"history page ({Events:N0} events)";

    public override string RawDescription => "profile + member reads (parallel); one page (50) of the account's event rows";

    public override async Task SetupAsync()
    {
        await Host.CreateAccountAsync(Account, Scenario.PartnerId);
        await Host.AddMemberAsync(Account, Admin, MemberRole.CustomerAdmin);
        var start = Host.Time.GetUtcNow().AddDays(-30);
        await Seeding.BatchUpsertAsync(Raw.Accounts, Enumerable.Range(0, Events).Select(i =>
            Seeding.Event(Account, EventTypes.CustomerUpdated, new { field = "name", note = $"change {i}" }, start.AddMinutes(i), "bench-operator")));
        token = Host.Token(Admin);
    }

    public override Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count) =>
        Task.FromResult(Repeat(count, () => Host.Api.GetAsync($"/api/customers/{Account}/history", token)));

    public override Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count) =>
        Task.FromResult(Repeat(count, async () =>
        {
            await Raw.OpenAsync(Account, Admin);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Account} and RowKey ge {HistoryEventRow.Prefix} and RowKey lt {Keys.PrefixEnd(HistoryEventRow.Prefix)}");
            await RawCalls.QueryPageAsync(Raw.Accounts, filter, 50);
        }));
}
