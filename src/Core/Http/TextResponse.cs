using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Http;

/// <summary>Plain text bodies such as CSV exports.</summary>
public sealed record TextResponse(string ContentType, string Text, string? FileName = null) : IResult
{
    /// <summary>Extra response headers (a CSV page's continuation token, which has no place in the body).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = 200;
        httpContext.Response.ContentType = ContentType;
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            httpContext.Response.Headers[name] = value;
        }
        if (FileName is not null)
        {
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        }
        await httpContext.Response.WriteAsync(Text, httpContext.RequestAborted);
    }
}
