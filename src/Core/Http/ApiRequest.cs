using System.Security.Cryptography;
using System.Text.Json;
using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Auth;
using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Http;

/// <summary>What a handler sees of a request: the caller, the route values, the query and the buffered body.</summary>
public sealed class ApiRequest
{
    internal ApiRequest(HttpRequest http, ApiRoute route, IReadOnlyDictionary<string, string> routeValues, Caller? caller, byte[] body)
    {
        Http = http;
        Route = route;
        RouteValues = routeValues;
        CallerOrNull = caller;
        Body = body;
        var key = http.Headers["Idempotency-Key"].ToString();
        if (HttpMethods.IsPost(http.Method) && key.Length > 0 && caller is not null)
        {
            var scope = IdempotencyKey.ScopeOf(caller.UserId, caller.ImpersonatedAccountId, route.Verb, route.Route);
            Idempotency = new IdempotencyKey(scope, key, Convert.ToHexString(SHA256.HashData(body)));
        }
    }

    public HttpRequest Http { get; }
    public ApiRoute Route { get; }
    public IReadOnlyDictionary<string, string> RouteValues { get; }
    public Caller? CallerOrNull { get; }
    public Caller Caller => CallerOrNull ?? throw new InvalidOperationException($"Route {Route.Name} is anonymous.");
    public byte[] Body { get; }
    public IdempotencyKey? Idempotency { get; }
    public CancellationToken Aborted => Http.HttpContext.RequestAborted;

    public string RouteValue(string name) => RouteValues[name];

    public string? Query(string name)
    {
        var value = Http.Query[name];
        return value.Count == 0 ? null : value.ToString();
    }

    public bool AcceptsCsv => Http.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase);

    public string? IfMatch
    {
        get
        {
            var value = Http.Headers.IfMatch.ToString();
            return value.Length == 0 ? null : value;
        }
    }

    /// <summary>Parses the JSON body strictly (unknown fields rejected); a malformed body ends the request with a 400.</summary>
    public T ReadBody<T>() where T : class
    {
        if (Body.Length == 0)
        {
            throw new ApiErrorException(ApiError.BadRequest("A JSON request body is required."));
        }
        var contentType = Http.ContentType;
        if (contentType is not null && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiErrorException(ApiError.UnsupportedMediaType());
        }
        try
        {
            return JsonSerializer.Deserialize<T>(Body, Json.Options)
                ?? throw new ApiErrorException(ApiError.BadRequest("The request body must be a JSON object."));
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "$" : e.Path.TrimStart('$', '.');
            throw new ApiErrorException(ApiError.Validation(field, Describe(e)));
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            throw new ApiErrorException(ApiError.BadRequest("The request body is not valid JSON for this operation."));
        }
    }

    private static string Describe(JsonException e) =>
        e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "Unknown field." :
        e.Message.Contains("maximum configured depth", StringComparison.Ordinal) ? "The body is nested too deeply." :
        "The value is malformed or of the wrong type.";
}
