using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Products;

/// <summary>Product catalog and visibility (issue 6).</summary>
public static class ProductRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
    ];
}
