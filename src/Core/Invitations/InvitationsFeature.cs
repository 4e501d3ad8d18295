using CustomerFunctions.Core.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Invitations;

/// <summary>Registers the invitations feature: invitations: create, resend, cancel, accept, and their email.</summary>
public static class InvitationsFeature
{
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.TryAddSingleton<InvitationEndpoints>();
        services.TryAddSingleton<AcceptInvitationEndpoints>();
        services.TryAddSingleton<InvitationMail>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEmailTemplateSet, InvitationEmails>());
        return services;
    }
}
