using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Http;

/// <summary>
/// The answer to a POST whose Idempotency-Key was seen before: the stored response again, or a refusal when the key
/// came with another body. Any handler may return it, whatever its declared answers.
/// </summary>
public sealed record Replayed(IResult Result) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (Result is ApiResponse)
        {
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
        }
        return Result.ExecuteAsync(httpContext);
    }
}
