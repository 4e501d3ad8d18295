using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Usage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Bench.Operations;

/// <summary>GET /api/customers/{id}/usage-report for one month holding all the account's usage records, by a customer admin.</summary>
public sealed class UsageReport(Scenario s) : Operation(s)
{
    private const string Account = "usage";
    private const string Admin = "usage-admin";
    private static readonly DateTimeOffset Month = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private string token = "";

    public override string Name => $"usage report ({Sizes.UsageRecords:N0} records)";

    public override string RawDescription => "profile + member reads (parallel); the month's rollup shards (one query)";

    public override int Warmup => 1;
    public override int Iterations => 5;
    public override int PerClient => 1;

    public override async Task SetupAsync()
    {
        await Host.CreateAccountAsync(Account, Scenario.PartnerId);
        await Host.AddMemberAsync(Account, Admin, MemberRole.CustomerAdmin);
        var recordedAt = Host.Time.GetUtcNow();
        string[] products = ["compute", "storage", "network", "backup", "support"];
        // Through the intake's own code (records and rollup shards in one transaction per 99), 1,000 records a call as the API takes them.
        var store = Host.Services.GetRequiredService<UsageStore>();
        await Seeding.ParallelAsync(Enumerable.Range(0, Sizes.UsageRecords).Chunk(1000), chunk => store.WriteAsync(Account, chunk.Select(i =>
        {
            var from = Month.AddSeconds(i % (31 * 24 * 3600 - 3600));
            return new UsageRecord($"r{i:D7}", $"project-{i % 20:D2}", products[i % products.Length], "hours", 1.5m, "h", from, from.AddHours(1));
        }), recordedAt, CancellationToken.None), degree: 2);
        token = Host.Token(Admin);
    }

    public override Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count) =>
        Task.FromResult(Repeat(count, () => Host.Api.GetAsync($"/api/customers/{Account}/usage-report?from=2026-01-01&to=2026-02-01", token)));

    public override Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count) =>
        Task.FromResult(Repeat(count, async () =>
        {
            await Raw.OpenAsync(Account, Admin);
            var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {UsageRecordRow.PartitionKey(Account, Month)} and RowKey ge {UsageRollup.Prefix} and RowKey lt {"~rollup}"}");
            if ((await RawCalls.QueryAllAsync(Host.Usage, filter)).Count == 0)
            {
                throw new InvalidOperationException("The raw rollup query read nothing.");
            }
        }));
}
