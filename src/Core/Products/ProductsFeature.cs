using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Products;

/// <summary>Registers the products feature: the product catalog and each customer's product settings.</summary>
public static class ProductsFeature
{
    public static IServiceCollection AddProducts(this IServiceCollection services)
    {
        services.TryAddSingleton<ProductEndpoints>();
        services.TryAddSingleton<ProductCatalog>();
        return services;
    }
}
