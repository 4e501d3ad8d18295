using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Deletion requests and deletion. The sweep that carries out due requests is <see cref="DeletionSweep"/>.</summary>
public static class DeletionRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.For<DeletionEndpoints>("RequestDeletion", "POST", "customers/{id}/deletion-request", (e, r) => e.Request(r))
            with { Summary = "Ask for the account to be deleted after the grace period; its products stop", Who = "its customer admins", BodyType = typeof(RequestDeletionBody), ResponseType = typeof(DeletionRequestView) },
        ApiRoute.For<DeletionEndpoints>("CancelDeletionRequest", "POST", "customers/{id}/deletion-request/cancel", (e, r) => e.Cancel(r))
            with { Summary = "Cancel the standing deletion request with a note; the account is active again, products as they were", Who = "operator; its partner", BodyType = typeof(CancelDeletionBody), ResponseType = typeof(DeletionRequestView) },
        ApiRoute.For<DeletionEndpoints>("ListDeletionRequests", "GET", "customers/{id}/deletion-requests", (e, r) => e.List(r))
            with { Summary = "Every deletion request of the account with its outcome and notes, newest first", Who = "operator; its partner; its customer admins", ResponseType = typeof(DeletionRequestPage), Query = ["pageSize", "continuationToken"] },
        ApiRoute.For<DeletionEndpoints>("DeleteCustomer", "DELETE", "customers/{id}", (e, r) => e.Delete(r))
            with { Summary = "Delete the account now, with or without a request; its identifier stays reserved", Who = "operator; its partner", ResponseType = typeof(AccountView), Query = ["confirm"] },
    ];
}
