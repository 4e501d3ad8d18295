using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Customers.List;

namespace CustomerFunctions.Core.Customers;

/// <summary>Accounts: create, read, list, update, status, quota.</summary>
public static class CustomerRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<CustomerEndpoints>.For("CreateCustomer", "POST", "customers", Access.SignedIn, (e, r) => e.Create(r))
            with { Summary = "Create a customer or partner account", BodyType = typeof(CreateCustomerBody), ResponseType = typeof(AccountView), Success = [201] },
        Route<CustomerEndpoints>.For("GetCustomer", "GET", "customers/{id}", Access.Reads(Allowed.Everyone), (e, s, r) => e.Get(s, r))
            with { Summary = "Read an account (with ETag)", ResponseType = typeof(AccountView), ETag = true },
        Route<CustomerListEndpoints>.For("ListCustomers", "GET", "customers", Access.SignedIn, (e, r) => e.List(r))
            with
            {
                Summary = "List accounts: operators all (or one partner's), partner members their partner's customers. sort=name (default, ignoring case and accents)|id|createdAt|seller|stage|status, '-' reverses, ties by id; " +
                    "status and stage (one or several, comma-separated), seller (any case), search (prefix of the id, customId, companyEmail or any word of the name, ignoring case and accents), testAccounts=exclude|include|only. " +
                    "Pages are full unless the list ends; unknown parameters or values are a 400",
                ResponseType = typeof(AccountPage),
                Query = CustomerListEndpoints.QueryParameters,
            },
        Route<CustomerListEndpoints>.For("CountCustomers", "GET", "customers/counts", Access.SignedIn, (e, r) => e.Counts(r))
            with
            {
                Summary = "Counts of the accounts not deleted (operators: all, or one partner's; partner members: their partner's): total, byStatus, byStage within testAccounts=exclude|include|only, and testAccounts apart",
                ResponseType = typeof(AccountCounts),
                Query = CustomerListEndpoints.CountsQueryParameters,
            },
        Route<SellerEndpoints>.For("ListPartnerSellers", "GET", "partners/{partnerId}/sellers", Access.Reads(Allowed.PartnerMembers, "partnerId"), (e, s, r) => e.List(s, r))
            with { Summary = "The distinct sellers of the partner's customers not deleted, with their customer counts (the seller filter's choices)", ResponseType = typeof(SellerEndpoints.SellerList), Query = [] },
        Route<CustomerUpdateEndpoints>.For("UpdateCustomer", "PATCH", "customers/{id}", Access.Writes(Allowed.Admins), (e, s, r) => e.Update(s, r))
            with
            {
                Summary = "Change account fields (JSON merge patch: absent fields stay, null clears). If-Match honoured (412); id never changes (400); a patch that changes nothing records no event",
                BodyType = typeof(UpdateCustomerBody),
                ResponseType = typeof(AccountView),
            },
        Route<CustomerUpdateEndpoints>.For("SetCustomerStatus", "PUT", "customers/{id}/status", Access.Writes(Allowed.Managers), (e, s, r) => e.SetStatus(s, r))
            with
            {
                Summary = "Enable or disable an account (active <-> disabled only, else 409); members of a disabled account may only read",
                BodyType = typeof(SetCustomerStatusBody),
                ResponseType = typeof(AccountView),
            },
        Route<CustomerUpdateEndpoints>.For("SetCustomerQuota", "PUT", "customers/{id}/quota", Access.Writes(Allowed.Managers), (e, s, r) => e.SetQuota(s, r))
            with
            {
                Summary = "Set the project quota (0 to 10000; may be lower than the projects that exist)",
                BodyType = typeof(SetCustomerQuotaBody),
                ResponseType = typeof(AccountView),
            },
        Route<AccountKindEndpoints>.For("SetAccountKind", "PUT", "customers/{id}/kind", Access.Writes([Relation.Operator]), (e, s, r) => e.Set(s, r))
            with
            {
                Summary = "Make a customer without a managing partner a partner ({ kind: partner }): customer admins become partner admins, employees partner employees, in one transaction (409 managed-by-partner, account-has-projects, too-many-members past 90, account-not-settled). Event ACCOUNT_KIND_CHANGED",
                BodyType = typeof(SetAccountKindBody),
                ResponseType = typeof(AccountView),
            },
    ];
}
