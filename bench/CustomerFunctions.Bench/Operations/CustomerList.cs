using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Customers.List;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Bench.Operations;

/// <summary>
/// Two partners of the customer list, a small and a large one, seeded once for every list operation: their customers
/// with varied names, sellers, statuses and stages, and the list rows a sync of each writes (in bulk transactions).
/// </summary>
public sealed class ListPartners(BenchHost host, int small, int large)
{
    public const string Admin = "list-admin";
    private Task? seeded;

    public int Small => small;
    public int Large => large;
    public static string Partner(int size) => $"list-partner-{size}";

    public Task SeedAsync() => seeded ??= SeedBothAsync();

    private async Task SeedBothAsync()
    {
        foreach (var size in new[] { small, large })
        {
            var partner = Partner(size);
            await host.CreateAccountAsync(partner, null, AccountKind.Partner);
            await host.AddMemberAsync(partner, Admin, MemberRole.PartnerAdmin);
            var now = host.Time.GetUtcNow();
            var accounts = Enumerable.Range(0, size).Select(i => Customer(partner, i, now)).ToList();
            await Seeding.ParallelAsync(accounts, a => host.Raw.Accounts.AddEntityAsync(AccountPartition.Profile.ToEntity(a.Id, a)));
            // The partner's list partition only: the platform-wide one is the same shape and would double Azurite's table.
            await Seeding.BatchUpsertAsync(host.Raw.TableService.GetTableClient(CustomerListIndex.TableName), CustomerListIndex.RowsOfNewPartition(ListRows.Partition(partner), accounts));
        }
    }

    private static readonly string[] Words = ["Acme", "Bäckerei", "Corp", "Delta", "Éclair", "Fjord", "Garage", "Hotel", "Igloo", "Jazz", "Kiosk", "Lumen"];
    private static readonly AccountStatus[] Statuses = [AccountStatus.Active, AccountStatus.Active, AccountStatus.Active, AccountStatus.Disabled, AccountStatus.PendingApproval];

    private static Account Customer(string partner, int i, DateTimeOffset now)
    {
        var row = AccountRow.With(new TableEntity(partner, "profile"), Seeding.Customer($"{partner}-c{i:D6}", partner, now.AddSeconds(-i)));
        row["Name"] = $"{Words[i % Words.Length]} {Words[i * 7 % Words.Length]} {i}";
        row["Seller"] = $"Seller {i % 8}";
        row["CustomId"] = $"K-{i:D6}";
        row["Status"] = Statuses[i % Statuses.Length].ToString();
        row["Stage"] = ((AccountStage)(i % 4)).ToString();
        row["IsTestAccount"] = i % 50 == 0;
        return AccountRow.Read(row, $"{partner}-c{i:D6}");
    }
}

/// <summary>One request of the customer list (a page, or the counts) by the admin of the small or the large partner.</summary>
public sealed class CustomerListCall(Scenario s, ListPartners partners, string label, string query, bool large, string rawRange) : Operation(s)
{
    private string token = "";
    private int Size => large ? partners.Large : partners.Small;
    private string Partner => ListPartners.Partner(Size);

    public override string Name => $"{label} ({Size:N0} customers)";

    // Azurite scans its whole table for each query, and the list holds ~52 rows per customer: fewer calls keep the run short.
    public override int Warmup => 3;
    public override int Iterations => 20;
    public override int PerClient => 0;

    public override string RawDescription => $"partner profile + caller's member row (parallel point reads); {rawRange}";

    public override async Task SetupAsync()
    {
        await partners.SeedAsync();
        token = Host.Token(ListPartners.Admin);
    }

    public override Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count) =>
        Task.FromResult(Repeat(count, async () =>
        {
            var answer = await Host.Api.GetAsync(query.Replace("{partner}", Partner, StringComparison.Ordinal), token);
            if (answer.Contains("\"items\":[]", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Expected a page with items.");
            }
        }));

    public override Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count) =>
        Task.FromResult(Repeat(count, async () =>
        {
            await Task.WhenAll(Raw.GetAsync(Raw.Accounts, Partner, Keys.Profile), Raw.GetAsync(Raw.Accounts, Partner, AccountPartition.Members.Key(MemberRow.Id(ListPartners.Admin))));
            var table = Raw.Storage.TableService.GetTableClient(CustomerListIndex.TableName);
            var partition = ListRows.Partition(Partner);
            if (rawRange == "counts row")
            {
                await Raw.GetAsync(table, partition, ListRows.CountsKey);
                return;
            }
            var prefix = rawRange.Split(' ')[0];
            await RawCalls.QueryPageAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {prefix} and RowKey lt {Keys.PrefixEnd(prefix)}"), 51);
        }));
}
