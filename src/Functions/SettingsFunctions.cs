using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the operator settings routes.</summary>
public sealed class SettingsFunctions(ApiDispatcher api)
{
    [Function("GetSettings")]
    public Task<IResult> GetSettings([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/settings")] HttpRequest request) => api.RunAsync("GetSettings", request);

    [Function("UpdateSettings")]
    public Task<IResult> UpdateSettings([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/settings")] HttpRequest request) => api.RunAsync("UpdateSettings", request);

    [Function("ListSettingsAudit")]
    public Task<IResult> ListSettingsAudit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/settings/audit")] HttpRequest request) => api.RunAsync("ListSettingsAudit", request);

    [Function("GetPublicSettings")]
    public Task<IResult> GetPublicSettings([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/public/settings")] HttpRequest request) => api.RunAsync("GetPublicSettings", request);
}
