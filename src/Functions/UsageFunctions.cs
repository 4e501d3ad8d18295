using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the usage routes: each hands the raw request to src/Core's dispatcher.</summary>
public sealed class UsageFunctions(ApiDispatcher api)
{
    [Function("RecordUsage")]
    public Task<IResult> RecordUsage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/usage")] HttpRequest request) => api.RunAsync("RecordUsage", request);

    [Function("GetUsageReport")]
    public Task<IResult> GetUsageReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}/usage-report")] HttpRequest request) => api.RunAsync("GetUsageReport", request);
}
