using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Http;

/// <summary>The one place where expected failures become RFC 9457 problem details.</summary>
public static class Problems
{
    public const string TypeBase = "https://customer-functions.dev/problems/";

    public static IResult ToResult(this ApiError error) => new ProblemResult(error);

    public static Dictionary<string, object?> ToBody(ApiError error)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = TypeBase + error.Type,
            ["title"] = error.Title,
            ["status"] = error.Status,
            ["detail"] = error.Detail,
        };
        if (error.Errors is { Count: > 0 })
        {
            body["errors"] = error.Errors;
        }
        return body;
    }

    private sealed class ProblemResult(ApiError error) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = error.Status;
            httpContext.Response.ContentType = "application/problem+json";
            await JsonSerializer.SerializeAsync(httpContext.Response.Body, ToBody(error), Json.Options, httpContext.RequestAborted);
        }
    }
}
