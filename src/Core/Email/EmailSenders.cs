using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Email;

/// <summary>Registers the email settings (validated at start-up) and the sender that <c>Email:Provider</c> names.</summary>
public static class EmailSenders
{
    public static IServiceCollection AddEmailSender(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        // A sender registered before (a test's) wins.
        services.TryAddSingleton(Create);
        return services;
    }

    private static IEmailSender Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmailOptions>>();
        return options.Value.Provider.ToLowerInvariant() switch
        {
            "smtp" => new SmtpEmailSender(options, services.GetRequiredService<ILogger<SmtpEmailSender>>()),
            "acs" => CreateAcs(options.Value.Acs, services),
            _ => new PickupFolderSender(options),
        };
    }

    private static AcsEmailSender CreateAcs(AcsOptions acs, IServiceProvider services)
    {
        TokenCredential? credential = !acs.UseManagedIdentity ? null
            : acs.ManagedIdentityClientId is { Length: > 0 } clientId ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        // One client for the process; pooled connections are recycled so DNS changes are seen.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        return new AcsEmailSender(acs, http, credential, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<AcsEmailSender>>());
    }
}
