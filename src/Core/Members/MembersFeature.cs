using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Members;

/// <summary>Registers the members feature: members of an account and the caller's own view (<c>/me</c>).</summary>
public static class MembersFeature
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.TryAddSingleton<MemberEndpoints>();
        services.TryAddSingleton<MemberUpdateEndpoints>();
        services.TryAddSingleton<MeEndpoints>();
        return services;
    }
}
