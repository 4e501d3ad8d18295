using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>
/// The catch-all function: every path and verb no other function takes (the host prefers literal routes) gets what
/// src/Server's catch-all route answers: the OpenAPI document, /docs, /health, else a problem-details 404.
/// </summary>
public static class HostFunctions
{
    [Function("HostRoutes")]
    public static IResult HostRoutes([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = "{*path}")] HttpRequest request) =>
        Core.Api.HostRoutes.Answer(request);
}
