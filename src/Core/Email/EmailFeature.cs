using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Email;

/// <summary>Registers email: the configured sender, the emails queue and its handler, and the texts (each feature registers its own <see cref="IEmailTemplateSet"/>).</summary>
public static class EmailFeature
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEmailSender(configuration);
        services.TryAddSingleton<EmailQueue>();
        services.TryAddSingleton<SentEmails>();
        services.TryAddSingleton<EmailRateLimit>();
        services.TryAddSingleton<EmailTemplates>();
        services.TryAddSingleton<EmailQueueHandler>();
        return services;
    }
}
