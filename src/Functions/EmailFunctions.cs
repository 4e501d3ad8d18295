using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the email operations routes.</summary>
public sealed class EmailFunctions(ApiDispatcher api)
{
    [Function("ListFailedEmails")]
    public Task<IResult> ListFailedEmails([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/operator/failed-emails")] HttpRequest request) => api.RunAsync("ListFailedEmails", request);
}
