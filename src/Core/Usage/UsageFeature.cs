using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CustomerFunctions.Core.Usage;

/// <summary>Registers the usage feature: usage records and reports; the UsageRecords table is created at start.</summary>
public static class UsageFeature
{
    public static IServiceCollection AddUsage(this IServiceCollection services)
    {
        services.TryAddSingleton<UsageEndpoints>();
        services.TryAddSingleton<UsageStore>();
        services.TryAddSingleton<UsageReports>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<UsageStore>());
        return services;
    }
}
