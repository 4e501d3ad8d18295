using CustomerFunctions.Core.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Registration;

/// <summary>Registers the registration feature: self-registration, approval, invitation links, the purge timer's job and the emails.</summary>
public static class RegistrationFeature
{
    public static IServiceCollection AddRegistration(this IServiceCollection services)
    {
        services.TryAddSingleton<RegistrationEndpoints>();
        services.TryAddSingleton<ApprovalEndpoints>();
        services.TryAddSingleton<InvitationLinkEndpoints>();
        services.TryAddSingleton<RegistrationStore>();
        services.TryAddSingleton<InvitationLinks>();
        services.TryAddSingleton<InvitationLinkTokens>();
        services.TryAddSingleton<AddressRateLimiter>();
        services.TryAddSingleton<RegistrationPurge>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEmailTemplateSet, RegistrationEmails>());
        return services;
    }
}
