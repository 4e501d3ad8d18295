using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.History;

/// <summary>Registers the history feature: reading an account's history.</summary>
public static class HistoryFeature
{
    public static IServiceCollection AddHistory(this IServiceCollection services)
    {
        services.TryAddSingleton<HistoryEndpoints>();
        return services;
    }
}
