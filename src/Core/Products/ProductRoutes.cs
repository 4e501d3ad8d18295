using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Products;

/// <summary>Product catalog and visibility.</summary>
public static class ProductRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<ProductEndpoints>.For("ListProducts", "GET", "products", Access.SignedIn, (e, r) => e.List(r))
            with { Summary = "The product catalog (all of it, in one page)", ResponseType = typeof(ProductList) },
        Route<ProductEndpoints>.For("GetProduct", "GET", "products/{productId}", Access.SignedIn, (e, r) => e.Get(r))
            with { Summary = "One product of the catalog", ResponseType = typeof(ProductView) },
        Route<ProductEndpoints>.For("UpsertProduct", "PUT", "products/{productId}", Access.Operators, (e, r) => e.Upsert(r))
            with { Summary = "Create (201) or rename (200) a catalog product; the id follows the identifier rules", BodyType = typeof(UpsertProductBody), ResponseType = typeof(ProductView), Success = [201, 200] },
        Route<ProductEndpoints>.For("ListPartnerProducts", "GET", "partners/{partnerId}/products", Access.Reads(Allowed.PartnerMembers, "partnerId"), (e, s, r) => e.ListForPartner(s, r))
            with { Summary = "The partner's global visibility of every catalog product (false until set)", ResponseType = typeof(PartnerProductList) },
        Route<ProductEndpoints>.For("SetPartnerProductVisibility", "PUT", "partners/{partnerId}/products/{productId}", Access.Writes(Allowed.PartnerMembers, "partnerId"), (e, s, r) => e.SetPartnerVisibility(s, r))
            with { Summary = "Set the partner's global visibility of a product for its customers (customers with a custom visibility keep theirs). Event PRODUCT_CHANGED on the partner", BodyType = typeof(PartnerVisibilityBody), ResponseType = typeof(PartnerProductView) },
        Route<ProductEndpoints>.For("ListCustomerProducts", "GET", "customers/{id}/products", Access.Reads(Allowed.Everyone), (e, s, r) => e.ListForCustomer(s, r))
            with { Summary = "Every catalog product with the customer's effective visibility (custom, else inherited from its partner, else false) and status (notActivated until set)", ResponseType = typeof(CustomerProductList) },
        Route<ProductEndpoints>.For("SetCustomerProduct", "PUT", "customers/{id}/products/{productId}", Access.Writes(Allowed.Managers), (e, s, r) => e.SetForCustomer(s, r))
            with { Summary = "Set a customer's visibility (true/false; null inherits again; absent keeps) and/or status of a product; the account's stage follows the statuses. Visibility never activates a product. Event PRODUCT_CHANGED", BodyType = typeof(SetCustomerProductBody), ResponseType = typeof(CustomerProductView) },
    ];
}
