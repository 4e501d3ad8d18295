using System.Globalization;
using CustomerFunctions.Core.Http;
using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Registration;

/// <summary>A 429 problem with a <c>Retry-After</c> header (whole seconds, at least one).</summary>
public sealed class RateLimited(TimeSpan retryAfter, string detail) : IResult
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(RetryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiError.TooManyRequests(detail).ToResult().ExecuteAsync(httpContext);
    }
}
