using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Products;

/// <summary>Product catalog and visibility.</summary>
public static class ProductRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.For<ProductEndpoints>("ListProducts", "GET", "products", (e, r) => e.List(r))
            with { Summary = "The product catalog (all of it, in one page)", Who = "any signed-in user", ResponseType = typeof(ProductList) },
        ApiRoute.For<ProductEndpoints>("GetProduct", "GET", "products/{productId}", (e, r) => e.Get(r))
            with { Summary = "One product of the catalog", Who = "any signed-in user", ResponseType = typeof(ProductView) },
        ApiRoute.For<ProductEndpoints>("UpsertProduct", "PUT", "products/{productId}", (e, r) => e.Upsert(r))
            with { Summary = "Create (201) or rename (200) a catalog product; the id follows the identifier rules", Who = "operator", BodyType = typeof(UpsertProductBody), ResponseType = typeof(ProductView) },
        ApiRoute.For<ProductEndpoints>("ListPartnerProducts", "GET", "partners/{partnerId}/products", (e, r) => e.ListForPartner(r))
            with { Summary = "The partner's global visibility of every catalog product (false until set)", Who = "operator; that partner's members", ResponseType = typeof(PartnerProductList) },
        ApiRoute.For<ProductEndpoints>("SetPartnerProductVisibility", "PUT", "partners/{partnerId}/products/{productId}", (e, r) => e.SetPartnerVisibility(r))
            with { Summary = "Set the partner's global visibility of a product for its customers (customers with a custom visibility keep theirs). Event PRODUCT_CHANGED on the partner", Who = "operator; that partner's members", BodyType = typeof(PartnerVisibilityBody), ResponseType = typeof(PartnerProductView) },
        ApiRoute.For<ProductEndpoints>("ListCustomerProducts", "GET", "customers/{id}/products", (e, r) => e.ListForCustomer(r))
            with { Summary = "Every catalog product with the customer's effective visibility (custom, else inherited from its partner, else false) and status (notActivated until set)", Who = "operator; its partner; its members", ResponseType = typeof(CustomerProductList) },
        ApiRoute.For<ProductEndpoints>("SetCustomerProduct", "PUT", "customers/{id}/products/{productId}", (e, r) => e.SetForCustomer(r))
            with { Summary = "Set a customer's visibility (true/false; null inherits again; absent keeps) and/or status of a product; the account's stage follows the statuses. Visibility never activates a product. Event PRODUCT_CHANGED", Who = "operator; its partner", BodyType = typeof(SetCustomerProductBody), ResponseType = typeof(CustomerProductView) },
    ];
}
