using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Impersonation;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Operations;
using CustomerFunctions.Core.Partners;
using CustomerFunctions.Core.Products;
using CustomerFunctions.Core.Projects;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Settings;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Core.Telemetry;
using CustomerFunctions.Core.Usage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Hosting;

public static class CoreServices
{
    /// <summary>Registers all of src/Core: storage, identity, then each feature (its endpoints, stores, jobs, email texts). Both hosts call this once.</summary>
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
        services.AddEmail(configuration);
        services.PostConfigure<EmailOptions>(o => o.IsDevelopment = isDevelopment);
        services.AddOptions<PanelOptions>().Bind(configuration.GetSection(PanelOptions.Section))
            .PostConfigure(o => o.BaseUrl = string.IsNullOrWhiteSpace(o.BaseUrl) && isDevelopment ? PanelOptions.DevelopmentBaseUrl : o.BaseUrl)
            .Validate(o => PanelOptions.IsAccepted(o.BaseUrl, isDevelopment), isDevelopment
                ? "Panel:BaseUrl must be an absolute http(s) URL."
                : "Panel:BaseUrl must be the panel's absolute https address outside Development (e.g. https://panel.example.com): emailed links point there.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection("Outbox"));

        services.TryAddSingleton(TimeProvider.System);
        services.AddTelemetry();
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
        services.AddSingleton<RateCounters>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<PendingOutboxes>();
        services.AddSingleton<ParkedEffects>();
        services.AddSingleton<OutboxBackstop>();
        services.AddSingleton<IndexRebuild>();
        services.AddSingleton<IndexSync>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<Paging>();
        services.AddSingleton<TokenValidator>();
        services.AddSingleton(new RouteTable(ApiRoutes.All, refuseUndeclaredSuccess: isDevelopment));
        services.AddSingleton<ApiDispatcher>();
        services.AddHostedService<StorageInitializer>();

        // Each feature registers its own services (endpoints, stores, jobs, email texts): no scanning, see docs/design-notes.md.
        services.AddCustomers();
        services.AddMembers();
        services.AddInvitations();
        services.AddProjects();
        services.AddUsage();
        services.AddDeletion();
        services.AddPartners();
        services.AddSettings();
        services.AddRegistration();
        services.AddMessages();
        services.AddProducts();
        services.AddImpersonation();
        services.AddHistory();
        services.AddOperations();

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
