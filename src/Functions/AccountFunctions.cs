using CustomerFunctions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the account routes: each hands the raw request to src/Core's dispatcher.</summary>
public sealed class AccountFunctions(ApiDispatcher api)
{
    [Function("CreateCustomer")]
    public Task<IResult> CreateCustomer([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "customers")] HttpRequest request) => api.RunAsync("CreateCustomer", request);

    [Function("GetCustomer")]
    public Task<IResult> GetCustomer([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "customers/{id}")] HttpRequest request) => api.RunAsync("GetCustomer", request);
}
