using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Operations;

/// <summary>Registers the operators' machinery tools.</summary>
public static class OperationsFeature
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.TryAddSingleton<ParkedEffectEndpoints>();
        return services;
    }
}
