using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Partners;

/// <summary>Registers the partner feature: a partner's own settings.</summary>
public static class PartnersFeature
{
    public static IServiceCollection AddPartners(this IServiceCollection services)
    {
        services.TryAddSingleton<PartnerSettingsEndpoints>();
        return services;
    }
}
