using CustomerFunctions.Core.Http;
using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Api;

/// <summary>
/// Everything a host answers outside the route table: the OpenAPI document, the API reference, the health probe, and a
/// problem-details 404 for any other path or verb. src/Server maps it as its catch-all route and src/Functions as its
/// catch-all function, so both hosts answer these exactly alike.
/// </summary>
public static class HostRoutes
{
    public const string HealthPath = "/health";

    public static IResult Answer(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        return HttpMethods.IsGet(request.Method) ? path switch
        {
            OpenApiDocument.Path => Results.Text(OpenApiDocument.Json, "application/json; charset=utf-8"),
            ApiReferencePage.Path or ApiReferencePage.Path + "/" => ApiReferencePage.Page(),
            ApiReferencePage.ScriptPath => ApiReferencePage.Script(request),
            HealthPath => Results.Text("ok"),
            _ => NotFound(request),
        } : NotFound(request);
    }

    private static IResult NotFound(HttpRequest request) => ApiError.NotFound($"The route {request.Method} {request.Path}").ToResult();
}
