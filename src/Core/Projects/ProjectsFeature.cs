using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Projects;

/// <summary>Registers the projects feature: projects within the account's quota and their members.</summary>
public static class ProjectsFeature
{
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.TryAddSingleton<ProjectEndpoints>();
        return services;
    }
}
