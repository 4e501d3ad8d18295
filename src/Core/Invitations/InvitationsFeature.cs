using CustomerFunctions.Core.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Invitations;

/// <summary>Registers the invitations feature: invitations: create, resend, cancel, accept, and their email.</summary>
public static class InvitationsFeature
{
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.TryAddSingleton<InvitationEndpoints>();
        services.TryAddSingleton<AcceptInvitationEndpoints>();
        services.TryAddSingleton<InvitationMail>();
        services.TryAddSingleton<InvitationLimits>();
        services.AddOptions<InvitationLimitOptions>().BindConfiguration(InvitationLimitOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InvitationLimitOptions>, InvitationLimitOptionsValidation>());
        services.TryAddSingleton<InvitationIssuer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEmailTemplateSet, InvitationEmails>());
        return services;
    }
}
