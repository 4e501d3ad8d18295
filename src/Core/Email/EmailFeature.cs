using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Email;

/// <summary>Registers email: the configured sender, the emails queue and its handler, the platform's budget, the kept failed emails and their operator route, and the texts (each feature registers its own <see cref="IEmailTemplateSet"/>).</summary>
public static class EmailFeature
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEmailSender(configuration);
        services.TryAddSingleton<EmailQueue>();
        services.TryAddSingleton<SentEmails>();
        services.TryAddSingleton<EmailRateLimit>();
        services.TryAddSingleton<EmailBudget>();
        services.TryAddSingleton<FailedEmails>();
        services.TryAddSingleton<FailedEmailEndpoints>();
        services.TryAddSingleton<EmailTemplates>();
        services.TryAddSingleton<EmailQueueHandler>();
        services.TryAddSingleton<QueuedEmailKeys>();
        services.TryAddSingleton<QueuedEmailSeal>();
        return services;
    }
}
