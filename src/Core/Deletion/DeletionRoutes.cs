using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Customers;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Deletion requests and deletion. The sweep that carries out due requests is <see cref="DeletionSweep"/>.</summary>
public static class DeletionRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<DeletionEndpoints>.For("RequestDeletion", "POST", "customers/{id}/deletion-request", Access.Reads(Allowed.AccountAdmins), (e, s, r) => e.Request(s, r))
            with { Summary = "Ask for the account to be deleted after the grace period; its products stop", BodyType = typeof(RequestDeletionBody), ResponseType = typeof(DeletionRequestView), Success = [201] },
        Route<DeletionEndpoints>.For("CancelDeletionRequest", "POST", "customers/{id}/deletion-request/cancel", Access.Writes(Allowed.Managers), (e, s, r) => e.Cancel(s, r))
            with { Summary = "Cancel the standing deletion request, with an optional note (kept; too long is 400); the account is active again, products as they were", BodyType = typeof(CancelDeletionBody), ResponseType = typeof(DeletionRequestView) },
        Route<DeletionEndpoints>.For("ListDeletionRequests", "GET", "customers/{id}/deletion-requests", Access.Reads(Allowed.Admins), (e, s, r) => e.List(s, r))
            with { Summary = "Every deletion request of the account with its outcome and notes, newest first", ResponseType = typeof(DeletionRequestPage), Query = ["pageSize", "continuationToken"] },
        Route<DeletionEndpoints>.For("DeleteCustomer", "DELETE", "customers/{id}", Access.Writes(Allowed.Managers), (e, s, r) => e.Delete(s, r))
            with { Summary = "Delete the account now, with or without a request; its identifier stays reserved", ResponseType = typeof(AccountView), Query = ["confirm"] },
    ];
}
