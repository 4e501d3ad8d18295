using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Deletion;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the deletion routes, and the timer that runs the deletion sweep on the <c>Timers:DeletionSweep</c> schedule.</summary>
public sealed class DeletionFunctions(ApiDispatcher api, DeletionSweep sweep)
{
    [Function("RequestDeletion")]
    public Task<IResult> RequestDeletion([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/deletion-request")] HttpRequest request) => api.RunAsync("RequestDeletion", request);

    [Function("CancelDeletionRequest")]
    public Task<IResult> CancelDeletionRequest([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/deletion-request/cancel")] HttpRequest request) => api.RunAsync("CancelDeletionRequest", request);

    [Function("ListDeletionRequests")]
    public Task<IResult> ListDeletionRequests([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}/deletion-requests")] HttpRequest request) => api.RunAsync("ListDeletionRequests", request);

    [Function("DeleteCustomer")]
    public Task<IResult> DeleteCustomer([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/customers/{id}")] HttpRequest request) => api.RunAsync("DeleteCustomer", request);

    // The schedule is the app setting Timers:DeletionSweep (Timers__DeletionSweep in Azure app settings), a six-field CRON expression.
    [Function("DeletionSweep")]
    public Task Sweep([TimerTrigger("%Timers:DeletionSweep%")] TimerInfo timer, CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
