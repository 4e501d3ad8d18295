using CustomerFunctions.Core.Customers;

namespace CustomerFunctions.Core.Http;

/// <summary>
/// The route table: every HTTP endpoint of the service, once. src/Server maps it; src/Functions declares one
/// [Function] per entry with the same name, verb and route (a test compares them).
/// </summary>
public static class ApiRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        // Accounts
        ApiRoute.For<CustomerEndpoints>("CreateCustomer", "POST", "customers", (e, r) => e.Create(r))
            with { Summary = "Create a customer or partner account", Who = "operator; partner member (for its own partner)", BodyType = typeof(CreateCustomerBody), ResponseType = typeof(AccountView) },
        ApiRoute.For<CustomerEndpoints>("GetCustomer", "GET", "customers/{id}", (e, r) => e.Get(r))
            with { Summary = "Read an account (with ETag)", Who = "operator; its partner; its members", ResponseType = typeof(AccountView) },
    ];
}
