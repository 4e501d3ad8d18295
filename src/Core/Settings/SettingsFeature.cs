using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Settings;

/// <summary>Registers the settings feature: operator settings and their audit.</summary>
public static class SettingsFeature
{
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.TryAddSingleton<SettingsEndpoints>();
        services.TryAddSingleton<PublicSettingsEndpoints>();
        services.TryAddSingleton<OperatorSettingsStore>();
        return services;
    }
}
