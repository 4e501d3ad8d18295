using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Customers;

/// <summary>Registers the customers feature: accounts: create, read, list, update, status and quota.</summary>
public static class CustomersFeature
{
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.TryAddSingleton<CustomerEndpoints>();
        services.TryAddSingleton<CustomerListEndpoints>();
        services.TryAddSingleton<CustomerUpdateEndpoints>();
        services.TryAddSingleton<AccountKindEndpoints>();
        services.TryAddSingleton<CallerPartners>();
        services.TryAddSingleton<PartnerMembershipIndex>();
        services.TryAddSingleton<AccountListingIndex>();
        return services;
    }
}
