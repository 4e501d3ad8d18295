using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Http;

/// <summary>
/// An expected outcome that is not a success, as a value: domain rules and handlers return one instead of throwing.
/// Each kind below says what went wrong in domain terms; <see cref="Problems.From(Failure)"/> alone turns it into HTTP.
/// </summary>
public abstract record Failure : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => Problems.From(this).ToResult().ExecuteAsync(httpContext);
}
