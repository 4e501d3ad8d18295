using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for an account's history: each hands the raw request to src/Core's dispatcher.</summary>
public sealed class HistoryFunctions(ApiDispatcher api)
{
    [Function("GetCustomerHistory")]
    public Task<IResult> GetCustomerHistory([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}/history")] HttpRequest request) => api.RunAsync("GetCustomerHistory", request);
}
