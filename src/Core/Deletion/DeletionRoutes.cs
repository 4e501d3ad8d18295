using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Customers;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Deletion requests and deletion. The sweep that carries out due requests is <see cref="DeletionSweep"/>.</summary>
public static class DeletionRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.Legacy<DeletionEndpoints>("RequestDeletion", "POST", "customers/{id}/deletion-request", Access.Reads(Allowed.AccountAdmins), (e, r) => e.Request(r))
            with { Summary = "Ask for the account to be deleted after the grace period; its products stop", BodyType = typeof(RequestDeletionBody), ResponseType = typeof(DeletionRequestView) },
        ApiRoute.Legacy<DeletionEndpoints>("CancelDeletionRequest", "POST", "customers/{id}/deletion-request/cancel", Access.Writes(Allowed.Managers), (e, r) => e.Cancel(r))
            with { Summary = "Cancel the standing deletion request with a note; the account is active again, products as they were", BodyType = typeof(CancelDeletionBody), ResponseType = typeof(DeletionRequestView) },
        ApiRoute.Legacy<DeletionEndpoints>("ListDeletionRequests", "GET", "customers/{id}/deletion-requests", Access.Reads(Allowed.Admins), (e, r) => e.List(r))
            with { Summary = "Every deletion request of the account with its outcome and notes, newest first", ResponseType = typeof(DeletionRequestPage), Query = ["pageSize", "continuationToken"] },
        ApiRoute.Legacy<DeletionEndpoints>("DeleteCustomer", "DELETE", "customers/{id}", Access.Writes(Allowed.Managers), (e, r) => e.Delete(r))
            with { Summary = "Delete the account now, with or without a request; its identifier stays reserved", ResponseType = typeof(AccountView), Query = ["confirm"] },
    ];
}
