using Azure.Data.Tables;
using Azure.Storage.Queues;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Bench;

/// <summary>
/// Azurite plus src/Server in this process (as the tests host it), the server's storage request counter, and a second
/// set of storage clients with their own counter for the raw baseline and for seeding.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string SigningKey = "bench-signing-key-0123456789-abcdefghijklmnop";

    /// <summary>A CRON expression that never fires (February 31st): the sweep runs only when the benchmark calls it.</summary>
    public const string NeverSchedule = "0 0 0 31 2 *";

    private readonly Azurite azurite;
    private readonly WebApplication app;
    private readonly string pickup;

    private BenchHost(Azurite azurite, WebApplication app, string pickup, Uri baseAddress)
    {
        this.azurite = azurite;
        this.app = app;
        this.pickup = pickup;
        Api = new Api(new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromMinutes(5) }, baseAddress);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(RawCounter, Azure.Core.HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        queueOptions.AddPolicy(RawCounter, Azure.Core.HttpPipelinePosition.PerRetry);
        Raw = new StorageClients(new TableServiceClient(azurite.ConnectionString, tableOptions), new QueueServiceClient(azurite.ConnectionString, queueOptions));
        Usage = Raw.Table(Core.Usage.UsageStore.TableName);
        Operator = Token("bench-operator", isOperator: true);
    }

    public Api Api { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Every storage request src/Server sends (its table and queue clients carry this policy).</summary>
    public StorageRequestCounter ServerCounter => app.Services.GetRequiredService<StorageRequestCounter>();

    /// <summary>Every storage request of <see cref="Raw"/>: the baseline's calls (and seeding, outside measurements).</summary>
    public StorageRequestCounter RawCounter { get; } = new();

    /// <summary>Storage clients of the benchmark itself, on the same Azurite, not those of the server.</summary>
    public StorageClients Raw { get; }

    public TableClient Usage { get; }

    public string Operator { get; }

    public TimeProvider Time => TimeProvider.System;

    public static async Task<BenchHost> StartAsync()
    {
        var azurite = await Azurite.StartAsync();
        var pickup = Directory.CreateTempSubdirectory("bench-mail-").FullName;
        string[] args =
        [
            "--environment", "Development",
            "--urls", "http://127.0.0.1:0",
            "--AzureWebJobsStorage", azurite.ConnectionString,
            "--Auth:DevelopmentSigningKey", SigningKey,
            // Fixed keys, as the tests configure them (Development would otherwise draw random ones per process).
            "--ServiceKeys:ContinuationKeys", "YmVuY2gtY29udGludWF0aW9uLWtleS0wMTIzNDU2Nzg5LWFiY2RlZg==",
            "--ServiceKeys:ImpersonationKeys", "YmVuY2gtaW1wZXJzb25hdGlvbi1rZXktMDEyMzQ1Njc4OS1hYmNkZWY=",
            "--Email:Provider", "pickup",
            "--Email:PickupDirectory", pickup,
            // The queue workers poll once at start and then sleep for an hour, and the timers never fire, so
            // nothing in the background sends storage requests while requests are counted (see docs/benchmark.md).
            "--Queues:PollInterval", "01:00:00",
            "--Timers:DeletionSweep", NeverSchedule,
            "--Timers:RegistrationPurge", NeverSchedule,
            "--Logging:LogLevel:Default", "Warning",
            // Abuse limits sized for the run: the bench invites hundreds of times from a small pool of accounts.
            "--Invitations:PerAccountPerHour", "10000",
            "--Invitations:PerRecipientPerDay", "1000",
        ];
        var app = ServerApp.Build(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new BenchHost(azurite, app, pickup, new Uri(address));
        await host.Raw.EnsureCreatedAsync(CancellationToken.None);
        await host.Usage.CreateIfNotExistsAsync();
        return host;
    }

    public string Token(string userId, bool isOperator = false) =>
        DevelopmentTokens.Mint(SigningKey, userId, userId + "@bench.example", "User " + userId, isOperator, Time.GetUtcNow(), TimeSpan.FromHours(3));

    /// <summary>Creates an account through the API as the operator.</summary>
    public async Task CreateAccountAsync(string id, string? partnerId, AccountKind kind = AccountKind.Customer, int? projectQuota = null)
    {
        object body = kind == AccountKind.Partner
            ? new { id, name = "Partner " + id, kind = "partner" }
            : new { id, name = "Customer " + id, partnerId, projectQuota };
        await Api.SendAsync(HttpMethod.Post, "/api/customers", Operator, body, 201);
    }

    /// <summary>Makes the user a member through the command machinery (as the tests seed members: no history event).</summary>
    public async Task AddMemberAsync(string accountId, string userId, MemberRole role)
    {
        var store = Services.GetRequiredService<AccountStore>();
        for (var attempt = 0; ; attempt++)
        {
            var session = await store.OpenAsync(accountId, null, Caller.System("bench-seed"));
            session.Upsert(AccountPartition.Members, new Member(userId, userId + "@bench.example", "User " + userId, role, session.Now));
            session.Effect(new SyncMembership(userId));
            try
            {
                await session.CommitAsync(Core.Http.ApiResponse.NoContent());
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 20)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await azurite.DisposeAsync();
        try
        {
            Directory.Delete(pickup, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
