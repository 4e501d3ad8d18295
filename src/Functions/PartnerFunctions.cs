using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for a partner's own settings.</summary>
public sealed class PartnerFunctions(ApiDispatcher api)
{
    [Function("GetPartnerSettings")]
    public Task<IResult> GetPartnerSettings([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/{partnerId}/settings")] HttpRequest request) => api.RunAsync("GetPartnerSettings", request);

    [Function("SetPartnerSettings")]
    public Task<IResult> SetPartnerSettings([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/partners/{partnerId}/settings")] HttpRequest request) => api.RunAsync("SetPartnerSettings", request);
}
