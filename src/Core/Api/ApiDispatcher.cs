using System.Diagnostics;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Core.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Core.Api;

/// <summary>
/// Runs one route for either host: authenticates, enforces the route's declared access (opening and authorizing the
/// account session), buffers the capped body, calls the handler, retries it when an optimistic-concurrency race lost,
/// and turns the unexpected into a logged 500. Expected outcomes arrive as values and answer as they are.
/// </summary>
public sealed partial class ApiDispatcher(IServiceProvider services, TokenValidator tokens, AccountStore accounts, RouteTable table, CustomerMetrics metrics, ILogger<ApiDispatcher> logger)
{
    public const int MaxBodyBytes = 1 << 20;
    // Every lost race means another command committed, so contenders always make progress; the bound only caps the wait
    // (about 4 s with the backoff below). 50 parallel creations against a quota of 10 lose up to 10 races each.
    private const int MaxAttempts = 20;
    private readonly Dictionary<string, ApiRoute> routes = table.Routes.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public async Task<IResult> RunAsync(string routeName, HttpRequest http)
    {
        var route = routes[routeName];
        // The route's name beside the instrumentation's template; the caller and the body stay out of the span.
        Activity.Current?.SetTag("cf.route", route.Name);
        if (!HttpMethods.IsGet(route.Verb))
        {
            // Counted when the status is final, whichever way the request ends (value, problem, 503, 500).
            http.HttpContext.Response.OnStarting(() =>
            {
                metrics.CommandAnswered(route.Name, http.HttpContext.Response.StatusCode);
                return Task.CompletedTask;
            });
        }
        try
        {
            var values = route.Template.Match(http.Path.Value ?? "");
            if (values is null)
            {
                return ApiError.NotFound("The route").ToResult();
            }
            Caller? caller = null;
            if (!route.Anonymous)
            {
                var validation = await tokens.ValidateAsync(http.Headers.Authorization.ToString(), http.HttpContext.RequestAborted);
                if (validation.Error is not null)
                {
                    return validation.Error.ToResult();
                }
                caller = validation.Caller;
                if (route.Access.Audience == Audience.Operators && caller is not { IsOperator: true, IsImpersonation: false })
                {
                    return new Forbidden("Only platform operators may do this.");
                }
                if (caller is { IsImpersonation: true } && route.Access.ImpersonationRefused is { } refusal)
                {
                    return new Forbidden(refusal);
                }
                if (caller is { IsImpersonation: true } && route.Access.Audience != Audience.Account
                    && await accounts.ImpersonationEndedAsync(caller, http.HttpContext.RequestAborted) is { } ended)
                {
                    return ApiError.Unauthorized(ended).ToResult();
                }
            }
            if (route.Query is { } known && http.Query.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal)) is { } unknown)
            {
                return ApiError.Validation(unknown, $"Unknown query parameter; this route reads: {(known.Count == 0 ? "none" : string.Join(", ", known))}.").ToResult();
            }
            var body = await ReadBodyAsync(http);
            if (body.Error is not null)
            {
                return body.Error.ToResult();
            }
            var request = new ApiRequest(http, route, values, caller, body.Bytes);
            var endpoints = services.GetRequiredService(route.Endpoints);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    AccountSession? session = null;
                    if (route.Access.Audience == Audience.Account)
                    {
                        session = await accounts.OpenForRouteAsync(values[route.Access.AccountRouteValue], request, route.Access.Relations);
                        if (session.Check(route.Access.Relations, route.Access.IsWrite) is { } refused)
                        {
                            return refused;
                        }
                        if (session.Replay is { } replay)
                        {
                            return replay;
                        }
                    }
                    return Declared(route, await route.Invoke(endpoints, session, request));
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    metrics.ConflictRetried(route.Name);
                    // Another command changed the account first: run the whole command again on fresh state, after a
                    // growing, fully jittered pause so the contenders spread out instead of colliding again in lockstep.
                    await Task.Delay(Random.Shared.Next(1, Math.Min(250, 5 << Math.Min(attempt, 6))), http.HttpContext.RequestAborted);
                }
                catch (ConcurrencyConflictException)
                {
                    LogContended(logger, route.Name);
                    return ApiError.Busy().ToResult();
                }
            }
        }
        catch (ApiErrorException e)
        {
            return e.Error.ToResult();
        }
        catch (OperationCanceledException) when (http.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return Results.StatusCode(499);
        }
        catch (Exception e) when (IsStorageOutage(e))
        {
            // Storage is unreachable or failing: nothing half-done was committed (commands are one transaction), so say "try again".
            LogStorageUnavailable(logger, e, route.Name);
            http.HttpContext.Response.Headers.RetryAfter = "2";
            return new ApiError(503, "storage-unavailable", "Storage is unavailable.", "The request could not reach storage; it is safe to retry (with the same Idempotency-Key).").ToResult();
        }
        catch (Exception e)
        {
            LogFailed(logger, e, route.Name);
            return new ApiError(500, "internal", "Something went wrong on our side.", "The request failed unexpectedly; it is safe to retry.").ToResult();
        }
    }

    /// <summary>The answer, checked against the success statuses the route declares (the OpenAPI document lists those).</summary>
    private IResult Declared(ApiRoute route, IResult answer)
    {
        if ((answer is IAnswer union ? union.Result : answer) is not ApiResponse { Status: var status } || route.Success.Contains(status))
        {
            return answer;
        }
        LogUndeclaredSuccess(logger, route.Name, status);
        return table.RefuseUndeclaredSuccess
            ? new ApiError(500, "internal", "Something went wrong on our side.", $"Route {route.Name} answered {status}, which it does not declare.").ToResult()
            : answer;
    }

    private static async Task<(byte[] Bytes, ApiError? Error)> ReadBodyAsync(HttpRequest http)
    {
        if (http.ContentLength > MaxBodyBytes)
        {
            return ([], ApiError.TooLarge(MaxBodyBytes));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, http.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return ([], ApiError.TooLarge(MaxBodyBytes));
            }
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), null);
    }

    private static bool IsStorageOutage(Exception e) =>
        e is Azure.RequestFailedException { Status: 0 or 408 or 500 or 502 or 503 or 504 } or IOException or HttpRequestException ||
        (e is AggregateException aggregate && aggregate.InnerExceptions.All(IsStorageOutage)) ||
        (e.InnerException is not null && e is not Azure.RequestFailedException && IsStorageOutage(e.InnerException));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route {Route} could not reach storage")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "Route {Route} failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception exception, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "Route {Route} answered {Status}, a success status its declaration (and the OpenAPI document) does not list")]
    private static partial void LogUndeclaredSuccess(ILogger logger, string route, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route {Route} gave up after repeated concurrency conflicts")]
    private static partial void LogContended(ILogger logger, string route);
}
