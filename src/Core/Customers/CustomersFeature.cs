using CustomerFunctions.Core.Customers.List;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

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
        services.TryAddSingleton<SellerEndpoints>();
        services.TryAddSingleton<CustomerListIndex>();
        services.TryAddSingleton<CustomerListReader>();
        // Creates the CustomerList table before the host takes requests.
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CustomerListIndex>());
        return services;
    }
}
