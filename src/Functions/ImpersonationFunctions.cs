using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapter for "log in as the customer": hands the raw request to src/Core's dispatcher.</summary>
public sealed class ImpersonationFunctions(ApiDispatcher api)
{
    [Function("StartImpersonation")]
    public Task<IResult> StartImpersonation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/impersonation")] HttpRequest request) => api.RunAsync("StartImpersonation", request);
}
