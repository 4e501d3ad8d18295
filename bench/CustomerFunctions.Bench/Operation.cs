namespace CustomerFunctions.Bench;

/// <summary>How big the data sets are and how many times each operation runs.</summary>
public sealed record Sizes(string Mode, int PartnerCustomers, int UsageRecords, int SweepAccounts, int DuePerSweep, int Warmup, int Iterations, int PerClient, int Clients)
{
    /// <summary>
    /// The sizes, except the sweep's 100,000 accounts: on this 2-core machine Azurite took over three minutes to
    /// seed 10,000 accounts and scans a whole table for every query, so 100,000 did not fit in the time budget (20,000).
    /// </summary>
    public static readonly Sizes Full = new("full", 5_000, 100_000, 20_000, 100, Warmup: 20, Iterations: 100, PerClient: 20, Clients: 16);
    public static readonly Sizes Quick = new("quick", 1_000, 5_000, 2_000, 20, Warmup: 5, Iterations: 30, PerClient: 5, Clients: 16);

    /// <summary>
    /// <c>--usage-records N</c> and <c>--sweep-accounts N</c> replace those sizes: Azurite's in-memory table store finds
    /// a row by scanning its partition, so seeding one 100,000-row partition takes about an hour on 2 cores.
    /// </summary>
    public Sizes WithOverrides(string[] args)
    {
        int? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length
            ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)
            : null;
        var usage = Value("--usage-records");
        var sweep = Value("--sweep-accounts");
        return usage is null && sweep is null
            ? this
            : this with { Mode = Mode + " (sizes overridden)", UsageRecords = usage ?? UsageRecords, SweepAccounts = sweep ?? SweepAccounts };
    }
}

/// <summary>
/// One benchmarked operation: seeds what it needs once, then hands out calls with fresh data where the operation needs
/// it. <c>lane</c> -1 is the one-client pass; 0..15 are the concurrent clients, each on its own data where commands
/// would otherwise race for one account (commands on one account serialize by design).
/// </summary>
public abstract class Operation(Scenario scenario)
{
    public const int Sequential = -1;

    protected Scenario Scenario { get; } = scenario;
    protected BenchHost Host => Scenario.Host;
    protected Sizes Sizes => Scenario.Sizes;
    protected RawCalls Raw => Scenario.Raw;

    public abstract string Name { get; }

    /// <summary>What the raw baseline issues for one call, for docs and output.</summary>
    public abstract string RawDescription { get; }

    public virtual int Warmup => Sizes.Warmup;
    public virtual int Iterations => Sizes.Iterations;

    /// <summary>Calls per concurrent client; 0 skips the 16-client pass.</summary>
    public virtual int PerClient => Sizes.PerClient;

    public virtual string? Note => null;

    public virtual Task SetupAsync() => Task.CompletedTask;

    /// <summary>Untimed work before each one-client call (API or raw): the sweep makes its next accounts due here.</summary>
    public virtual Task BeforeCallAsync() => Task.CompletedTask;

    public abstract Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count);

    public abstract Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count);

    protected static IReadOnlyList<Func<Task>> Repeat(int count, Func<Task> call) => Enumerable.Repeat(call, count).ToList();
}

/// <summary>What every operation shares: the host, the sizes, the raw calls, and one partner with its admin.</summary>
public sealed record Scenario(BenchHost Host, Sizes Sizes, RawCalls Raw, string PartnerId, string PartnerAdmin)
{
    private int next;

    /// <summary>A fresh identifier (account, project, user) unique in this run.</summary>
    public string NewId(string prefix) => $"{prefix}-{Interlocked.Increment(ref next):D6}";
}

/// <summary>Sixteen customer accounts of the scenario's partner, each with a customer admin: one per concurrent client.</summary>
public sealed class AccountPool(Scenario scenario, string prefix, int? projectQuota = null)
{
    public const int Size = 16;
    private readonly List<(string Id, string Admin, string Token)> accounts = [];

    public async Task CreateAsync()
    {
        await Seeding.ParallelAsync(Enumerable.Range(0, Size), async i =>
        {
            var id = $"{prefix}-{i:D2}";
            await scenario.Host.CreateAccountAsync(id, scenario.PartnerId, projectQuota: projectQuota);
            await scenario.Host.AddMemberAsync(id, id + "-admin", Core.Members.MemberRole.CustomerAdmin);
        }, degree: 4);
        accounts.AddRange(Enumerable.Range(0, Size).Select(i => ($"{prefix}-{i:D2}", $"{prefix}-{i:D2}-admin", scenario.Host.Token($"{prefix}-{i:D2}-admin"))));
    }

    /// <summary>The account of a concurrent client, or, for the one-client pass, the accounts in turn.</summary>
    public (string Id, string Admin, string Token) For(int lane, int call) => accounts[lane >= 0 ? lane : call % Size];
}
