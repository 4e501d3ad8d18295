using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Http;

/// <summary>A successful response as a value, so an idempotent POST can store it and replay it byte for byte.</summary>
public sealed record ApiResponse(int Status, object? Body = null, string? Location = null) : IResult
{
    public string? ETag { get; init; }

    public static ApiResponse Ok(object body) => new(200, body);
    public static ApiResponse Created(string location, object body) => new(201, body, location);
    public static ApiResponse Accepted(object? body = null) => new(202, body);
    public static ApiResponse NoContent() => new(204);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }
        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }
        if (Body is null || Status == 204)
        {
            return;
        }
        response.ContentType = "application/json; charset=utf-8";
        if (Body is RawJson raw)
        {
            await response.WriteAsync(raw.Text, httpContext.RequestAborted);
            return;
        }
        await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), Json.Options, httpContext.RequestAborted);
    }
}
