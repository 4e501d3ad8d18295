using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Http;

/// <summary>The one place where expected failures become RFC 9457 problem details.</summary>
public static class Problems
{
    public const string TypeBase = "https://customer-functions.dev/problems/";

    /// <summary>Maps a domain outcome to its problem: the status, type and title of each kind are decided here only.</summary>
    public static ApiError From(Failure failure) => failure switch
    {
        Invalid invalid => ApiError.Validation(invalid.Errors, invalid.Detail),
        BadRequest bad => ApiError.BadRequest(bad.Detail),
        Unauthorized unauthorized => ApiError.Unauthorized(unauthorized.Detail),
        Forbidden forbidden => ApiError.Forbidden(forbidden.Detail) with { Type = forbidden.Type },
        NotFound notFound => ApiError.NotFound(notFound.What),
        Conflict conflict => ApiError.Conflict(conflict.Type, conflict.Detail),
        Gone gone => ApiError.Gone(gone.Type, gone.Detail),
        PreconditionFailed => ApiError.PreconditionFailed(),
        Unprocessable unprocessable => ApiError.Unprocessable(unprocessable.Type, unprocessable.Detail),
        TooManyRequests tooMany => ApiError.TooManyRequests(tooMany.Detail) with { RetryAfter = tooMany.RetryAfter },
        _ => throw new InvalidOperationException($"No problem mapping for {failure.GetType().Name}."),
    };

    /// <summary>The HTTP status a failure kind answers with (the OpenAPI document lists it per operation).</summary>
    public static int StatusOf(Type failureType) =>
        typeof(Invalid).IsAssignableFrom(failureType) || typeof(BadRequest).IsAssignableFrom(failureType) ? 400 :
        typeof(Unauthorized).IsAssignableFrom(failureType) ? 401 :
        typeof(Forbidden).IsAssignableFrom(failureType) ? 403 :
        typeof(NotFound).IsAssignableFrom(failureType) ? 404 :
        typeof(Conflict).IsAssignableFrom(failureType) ? 409 :
        typeof(Gone).IsAssignableFrom(failureType) ? 410 :
        typeof(PreconditionFailed).IsAssignableFrom(failureType) ? 412 :
        typeof(Unprocessable).IsAssignableFrom(failureType) ? 422 :
        typeof(TooManyRequests).IsAssignableFrom(failureType) ? 429 :
        throw new InvalidOperationException($"No status for {failureType.Name}.");

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
            if (error.RetryAfter is { } retryAfter)
            {
                // Whole seconds, at least one: a client that waits that long is let in.
                httpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }
            httpContext.Response.ContentType = "application/problem+json";
            await JsonSerializer.SerializeAsync(httpContext.Response.Body, ToBody(error), Json.Options, httpContext.RequestAborted);
        }
    }
}
