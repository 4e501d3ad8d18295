using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>Accounts: create, read, list, update, status, quota.</summary>
public static class CustomerRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.For<CustomerEndpoints>("CreateCustomer", "POST", "customers", (e, r) => e.Create(r))
            with { Summary = "Create a customer or partner account", Who = "operator; partner member (for its own partner)", BodyType = typeof(CreateCustomerBody), ResponseType = typeof(AccountView) },
        ApiRoute.For<CustomerEndpoints>("GetCustomer", "GET", "customers/{id}", (e, r) => e.Get(r))
            with { Summary = "Read an account (with ETag)", Who = "operator; its partner; its members", ResponseType = typeof(AccountView) },
        ApiRoute.For<CustomerListEndpoints>("ListCustomers", "GET", "customers", (e, r) => e.List(r))
            with
            {
                Summary = "List accounts: operators all (or one partner's), partner members their partner's customers. Filters: status, seller, search (name or id prefix), testAccounts=exclude|include|only",
                Who = "operator; partner member",
                ResponseType = typeof(AccountPage),
                Query = CustomerListEndpoints.QueryParameters,
            },
        ApiRoute.For<CustomerUpdateEndpoints>("UpdateCustomer", "PATCH", "customers/{id}", (e, r) => e.Update(r))
            with
            {
                Summary = "Change account fields (JSON merge patch: absent fields stay, null clears). If-Match honoured (412); id never changes (400); a patch that changes nothing records no event",
                Who = "operator; its partner; its customer admins (not customId, seller, isTestAccount)",
                BodyType = typeof(UpdateCustomerBody),
                ResponseType = typeof(AccountView),
            },
        ApiRoute.For<CustomerUpdateEndpoints>("SetCustomerStatus", "PUT", "customers/{id}/status", (e, r) => e.SetStatus(r))
            with
            {
                Summary = "Enable or disable an account (active <-> disabled only, else 409); members of a disabled account may only read",
                Who = "operator; its partner",
                BodyType = typeof(SetCustomerStatusBody),
                ResponseType = typeof(AccountView),
            },
        ApiRoute.For<CustomerUpdateEndpoints>("SetCustomerQuota", "PUT", "customers/{id}/quota", (e, r) => e.SetQuota(r))
            with
            {
                Summary = "Set the project quota (0 to 10000; may be lower than the projects that exist)",
                Who = "operator; its partner",
                BodyType = typeof(SetCustomerQuotaBody),
                ResponseType = typeof(AccountView),
            },
    ];
}
