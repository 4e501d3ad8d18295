using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the operators' parked-effect routes, and the outbox backstop timer on the <c>Timers:OutboxBackstop</c> schedule.</summary>
public sealed class OperationsFunctions(ApiDispatcher api, OutboxBackstop backstop)
{
    [Function("ListParkedEffects")]
    public Task<IResult> ListParkedEffects([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/operator/outbox/parked")] HttpRequest request) => api.RunAsync("ListParkedEffects", request);

    [Function("ReplayParkedEffect")]
    public Task<IResult> ReplayParkedEffect([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/operator/outbox/parked/{accountId}/{effectId}/replay")] HttpRequest request) => api.RunAsync("ReplayParkedEffect", request);

    // The schedule is the app setting Timers:OutboxBackstop (Timers__OutboxBackstop in Azure app settings), a six-field CRON expression.
    [Function("OutboxBackstop")]
    public Task Backstop([TimerTrigger("%Timers:OutboxBackstop%")] TimerInfo timer, CancellationToken cancellationToken) => backstop.RunAsync(cancellationToken);
}
