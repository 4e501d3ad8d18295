using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>Accounts: create, read, list, update, status, quota (issue 2).</summary>
public static class CustomerRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.For<CustomerEndpoints>("CreateCustomer", "POST", "customers", (e, r) => e.Create(r))
            with { Summary = "Create a customer or partner account", Who = "operator; partner member (for its own partner)", BodyType = typeof(CreateCustomerBody), ResponseType = typeof(AccountView) },
        ApiRoute.For<CustomerEndpoints>("GetCustomer", "GET", "customers/{id}", (e, r) => e.Get(r))
            with { Summary = "Read an account (with ETag)", Who = "operator; its partner; its members", ResponseType = typeof(AccountView) },
    ];
}
