using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Hosting;

public static class CoreServices
{
    /// <summary>Registers all of src/Core: storage, identity, email, endpoints. Both hosts call this once.</summary>
    public static IServiceCollection AddCustomerCore(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section))
            .PostConfigure(o => o.IsDevelopment = isDevelopment)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidation>();
        services.AddOptions<ServiceKeysOptions>().Bind(configuration.GetSection(ServiceKeysOptions.Section))
            .PostConfigure(o => o.IsDevelopment = isDevelopment)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceKeysOptions>, ServiceKeysOptionsValidation>();
        services.AddEmailSender(configuration);
        services.PostConfigure<EmailOptions>(o => o.IsDevelopment = isDevelopment);
        services.AddOptions<PanelOptions>().Bind(configuration.GetSection(PanelOptions.Section))
            .PostConfigure(o => o.BaseUrl = string.IsNullOrWhiteSpace(o.BaseUrl) && isDevelopment ? PanelOptions.DevelopmentBaseUrl : o.BaseUrl)
            .Validate(o => PanelOptions.IsAccepted(o.BaseUrl, isDevelopment), isDevelopment
                ? "Panel:BaseUrl must be an absolute http(s) URL."
                : "Panel:BaseUrl must be the panel's absolute https address outside Development (e.g. https://panel.example.com): emailed links point there.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection("Outbox"));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StorageRequestCounter>();
        services.AddSingleton(sp =>
        {
            var (tables, queues) = StorageConnection.Create(configuration, sp.GetRequiredService<StorageRequestCounter>(), new StorageFaultPolicy(sp.GetRequiredService<FaultInjection>()));
            return new StorageClients(tables, queues);
        });
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().TableService);
        services.AddSingleton<ServiceKeys>();
        services.AddSingleton<FaultInjection>();
        services.AddSingleton<IdGenerator>();
        services.AddSingleton<IndexTable>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<IndexSync>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<Paging>();
        services.AddSingleton<TokenValidator>();
        services.AddSingleton<ApiDispatcher>();
        services.AddSingleton<EmailQueue>();
        services.AddSingleton<SentEmails>();
        services.AddSingleton<EmailRateLimit>();
        services.AddSingleton<EmailQueueHandler>();
        services.AddHostedService<StorageInitializer>();

        foreach (var endpoints in ApiRoutes.All.Select(r => r.Endpoints).Distinct())
        {
            services.TryAddSingleton(endpoints);
        }
        // Feature services mark themselves [CoreService] instead of growing this list.
        foreach (var type in typeof(CoreServices).Assembly.GetTypes().Where(t => t.IsDefined(typeof(CoreServiceAttribute), inherit: false)))
        {
            services.TryAddSingleton(type);
            if (typeof(IHostedService).IsAssignableFrom(type))
            {
                // A feature that must prepare something at start (its own table) runs as the same singleton.
                services.AddSingleton(sp => (IHostedService)sp.GetRequiredService(type));
            }
        }
        return services;
    }

    private sealed class AuthOptionsValidation : IValidateOptions<AuthOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }

    /// <summary>Creates the tables and queues, and deletes key rows earlier versions stored, before the host takes requests.</summary>
    private sealed class StorageInitializer(StorageClients storage) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            await ServiceKeys.ForgetStoredKeysAsync(storage.Settings, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed class PanelOptions
{
    public const string Section = "Panel";

    /// <summary>The local panel's address: the default in Development, and only there.</summary>
    public const string DevelopmentBaseUrl = "http://localhost:5173";

    /// <summary>The panel front end's address; emailed links point there with their token in a <c>token</c> query parameter.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Emailed links carry single-use tokens: outside Development they must not travel over plain HTTP.</summary>
    public static bool IsAccepted(string baseUrl, bool isDevelopment) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (isDevelopment && uri.Scheme == Uri.UriSchemeHttp));

    public string Link(string path, string token) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/') + "?token=" + Uri.EscapeDataString(token);
}

/// <summary>Marks a feature class to be registered as a singleton by <see cref="CoreServices.AddCustomerCore"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CoreServiceAttribute : Attribute;
