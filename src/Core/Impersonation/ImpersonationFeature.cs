using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Impersonation;

/// <summary>Registers the impersonation feature: impersonation tokens.</summary>
public static class ImpersonationFeature
{
    public static IServiceCollection AddImpersonation(this IServiceCollection services)
    {
        services.TryAddSingleton<ImpersonationEndpoints>();
        services.TryAddSingleton<ImpersonationTokens>();
        return services;
    }
}
