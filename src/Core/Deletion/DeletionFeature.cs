using CustomerFunctions.Core.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Registers the deletion feature: deletion requests, the deletion itself, the erasure that follows, the sweep timer's job and the emails.</summary>
public static class DeletionFeature
{
    public static IServiceCollection AddDeletion(this IServiceCollection services)
    {
        services.TryAddSingleton<DeletionEndpoints>();
        services.TryAddSingleton<AccountDeletion>();
        services.TryAddSingleton<AccountErasure>();
        services.TryAddSingleton<DeletionNotices>();
        services.TryAddSingleton<DeletionSweep>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEmailTemplateSet, DeletionEmails>());
        return services;
    }
}
