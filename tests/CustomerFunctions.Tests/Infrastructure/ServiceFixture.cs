using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerFunctions.Tests.Infrastructure;

/// <summary>
/// A private Azurite and a src/Server listening on a free loopback port, with a fake clock and its own pickup folder.
/// One per test class; tests inside a class use fresh account ids so they never see each other's data.
/// </summary>
public class ServiceFixture : IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnop";

    /// <summary>The service keys the server is configured with (base64), as Key Vault provides them in Azure.</summary>
    public const string ContinuationKeys = "dGVzdC1jb250aW51YXRpb24ta2V5LTAxMjM0NTY3ODktYWJjZGVm";
    public const string ImpersonationKeys = "dGVzdC1pbXBlcnNvbmF0aW9uLWtleS0wMTIzNDU2Nzg5LWFiY2RlZg==";
    private WebApplication? app;

    public Azurite Storage { get; private set; } = null!;
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    public Uri BaseAddress { get; private set; } = null!;
    public string PickupDirectory { get; } = Directory.CreateTempSubdirectory("mail-").FullName;
    public IServiceProvider Services => app!.Services;
    public Mailbox Mail => new(PickupDirectory);
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Extra settings for fixtures that need them (key, value); a key given here overrides the defaults above.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings() => [];

    /// <summary>Keep storage on disk (for restart tests) instead of in memory.</summary>
    protected virtual bool PersistentStorage => false;

    /// <summary>Services that fixtures put in place before src/Core registers its own (a test email sender, a log sink).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Storage = await Azurite.StartAsync(PersistentStorage);
        await StartServerAsync();
    }

    public async Task StartServerAsync()
    {
        string[] args =
        [
            "--environment", "Development",
            "--urls", "http://127.0.0.1:0",
            "--AzureWebJobsStorage", Storage.ConnectionString,
            "--Auth:DevelopmentSigningKey", SigningKey,
            "--ServiceKeys:ContinuationKeys", ContinuationKeys,
            "--ServiceKeys:ImpersonationKeys", ImpersonationKeys,
            "--Email:PickupDirectory", PickupDirectory,
            "--Panel:BaseUrl", "https://panel.test",
            "--Outbox:RecoveryDelay", "00:00:02",
            "--Queues:PollInterval", "00:00:00.100",
            "--Queues:VisibilityTimeout", "00:00:05",
            "--Logging:LogLevel:Default", "Warning",
            .. Settings().SelectMany(s => new[] { "--" + s.Key, s.Value }),
        ];
        app = ServerApp.Build(args, services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            ConfigureServices(services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async Task StopServerAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public virtual async Task DisposeAsync()
    {
        await StopServerAsync();
        await Storage.DisposeAsync();
        Http.Dispose();
        try
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public ApiClient As(TestUser? user) => new(Http, BaseAddress, user is null ? null : Token(user));

    public ApiClient Anonymous => As(null);

    public string Token(TestUser user, TimeSpan? lifetime = null, IReadOnlyDictionary<string, object>? extraClaims = null) =>
        DevelopmentTokens.Mint(SigningKey, user.Id, user.Email, user.Name, user.IsOperator, Time.GetUtcNow(), lifetime ?? TimeSpan.FromHours(1), extraClaims);

    public StorageClients StorageClients => Services.GetRequiredService<StorageClients>();
    public FaultInjection Faults => Services.GetRequiredService<FaultInjection>();
    public EmailQueueHandler EmailHandler => Services.GetRequiredService<EmailQueueHandler>();
}
