using System.Diagnostics;
using System.Globalization;
using System.Text;
using CustomerFunctions.Bench;
using CustomerFunctions.Bench.Operations;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Members;

var sizes = (args.Contains("--quick") ? Sizes.Quick : Sizes.Full).WithOverrides(args);
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
var loadAtStart = LoadAverage();
var total = Stopwatch.StartNew();
void Log(string message) => Console.Error.WriteLine($"[{total.Elapsed:mm\\:ss}] {message}");

Log($"mode {sizes.Mode}: starting Azurite and src/Server");
await using var host = await BenchHost.StartAsync();
const string partnerId = "bench-partner";
const string partnerAdmin = "bench-partner-admin";
await host.CreateAccountAsync(partnerId, null, AccountKind.Partner);
await host.AddMemberAsync(partnerId, partnerAdmin, MemberRole.PartnerAdmin);
var scenario = new Scenario(host, sizes, new RawCalls(host.Raw), partnerId, partnerAdmin);

// The big data sets come last in the order they are needed: Azurite scans a whole table for every query (see docs/benchmark.md).
// The customer list at 200 customers and at the large size, in one run: the ratio of their p50 is the figure.
(string Label, string Query)[] listCalls =
[
    ("by name", "sort=name"), ("newest first", "sort=-createdAt"), ("by stage, reversed", "sort=-stage"), ("search", "search=corp"),
    ("one filter", "status=disabled"), ("three filters", "status=active&stage=trial&seller=seller%203"), ("counts", "counts"),
];
var listOperations = new[] { new ListPartner(scenario, 200), new ListPartner(scenario, sizes.PartnerCustomers) }
    .SelectMany(partner => listCalls.Select(call => (Operation)new ListPage(scenario, partner, call.Label, call.Query)));
Operation[] operations = args.Contains("--only-list")
    ? [.. listOperations, new UsageReport(scenario)]
    :
    [
        new CreateCustomer(scenario), new GetCustomer(scenario), .. listOperations, new Invite(scenario), new Accept(scenario),
        new CreateProject(scenario), new History(scenario), new UsageReport(scenario), new DeletionSweep(scenario),
    ];
var results = new List<OperationResult>();
foreach (var operation in operations)
{
    Log(operation.Name);
    results.Add(await Measurement.RunAsync(operation, host, Log));
}

var table = ResultsTable.Markdown(results);
Console.WriteLine(table);
var report = new StringBuilder()
    .AppendLine("# Benchmark results")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC")
    .AppendLine(CultureInfo.InvariantCulture, $"- mode: {sizes.Mode} (`dotnet run -c Release --project bench/CustomerFunctions.Bench{(args.Length > 0 ? " -- " + string.Join(' ', args) : "")}`), {total.Elapsed.TotalMinutes:F1} minutes")
    .AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} cores, Azurite in memory, loopback; src/Server and the benchmark in one process")
    .AppendLine(CultureInfo.InvariantCulture, $"- load average (1, 5, 15 min) at start: {loadAtStart}; at the end: {LoadAverage()} (anything else running on the machine shows here)")
    .AppendLine(CultureInfo.InvariantCulture, $"- one client: {sizes.Iterations} calls per operation after {sizes.Warmup} warm-up calls (usage report and sweep: fewer, see n); 16 clients: {sizes.PerClient} calls each")
    .AppendLine("- what the figures mean, what was seeded and what the raw baseline issues: docs/benchmark.md")
    .AppendLine()
    .Append(table);
foreach (var note in results.Where(r => r.Note is not null))
{
    report.AppendLine().Append("- ").Append(note.Name).Append(": ").AppendLine(note.Note);
}
var path = Path.Combine(Repository.Root, "bench", "results.md");
await File.WriteAllTextAsync(path, report.ToString());
Log($"wrote {path}");
