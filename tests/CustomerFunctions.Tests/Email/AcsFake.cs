using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Tests.Emails;

/// <summary>
/// A loopback stand-in for Communication Services' email API. It checks every request's HMAC signature and content hash
/// (or its bearer token) on its own, as the service does, answers sends from a script (202 by default) and reports
/// operation statuses from a second script (Succeeded by default).
/// </summary>
public sealed class AcsFake : IAsyncDisposable
{
    public const string ApiVersion = "2023-03-31";
    public static readonly string AccessKey = Convert.ToBase64String(Encoding.UTF8.GetBytes("acs-fake-access-key-0123456789abcdef"));

    private readonly WebApplication app;

    private AcsFake(WebApplication app) => this.app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Answers to POST emails:send, in order; when empty, 202.</summary>
    public ConcurrentQueue<Scripted> SendReplies { get; } = new();

    /// <summary>Statuses the operation reports on each poll, in order; when empty, Succeeded.</summary>
    public ConcurrentQueue<Scripted> StatusReplies { get; } = new();

    /// <summary>When set, requests must carry this bearer token instead of an HMAC signature.</summary>
    public string? ExpectedBearer { get; set; }

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public IEnumerable<Recorded> Sends => Requests.Where(r => r.Method == "POST");
    public IEnumerable<Recorded> Polls => Requests.Where(r => r.Method == "GET");

    public sealed record Scripted(int Status, string? OperationStatus = null, int? RetryAfterSeconds = null, string? ErrorCode = null);

    public sealed record Recorded(string Method, string PathAndQuery, string? OperationId, string Body, bool Authenticated, DateTimeOffset At);

    public static async Task<AcsFake> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new AcsFake(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var pathAndQuery = request.Path.Value + request.QueryString.Value;
        var operationId = request.Headers["Operation-Id"].FirstOrDefault();
        var authenticated = IsAuthenticated(request, pathAndQuery, body);
        Requests.Enqueue(new Recorded(request.Method, pathAndQuery, operationId, Encoding.UTF8.GetString(body), authenticated, DateTimeOffset.UtcNow));

        if (!authenticated)
        {
            await Reply(context, 401, new { error = new { code = "Denied", message = "Denied by the fake: bad signature or token." } });
            return;
        }
        if (request.Query["api-version"] != ApiVersion)
        {
            await Reply(context, 400, new { error = new { code = "InvalidApiVersion", message = "Unknown api-version." } });
            return;
        }
        if (request.Method == "POST" && request.Path == "/emails:send")
        {
            var script = SendReplies.TryDequeue(out var next) ? next : new Scripted(202);
            SetRetryAfter(context, script);
            if (script.Status == 202)
            {
                context.Response.Headers["Operation-Location"] = $"{Endpoint}emails/operations/{operationId}?api-version={ApiVersion}";
                await Reply(context, 202, new { id = operationId, status = "Running" });
            }
            else
            {
                await Reply(context, script.Status, new { error = new { code = script.ErrorCode ?? "Scripted", message = "Scripted failure." } });
            }
            return;
        }
        if (request.Method == "GET" && request.Path.StartsWithSegments("/emails/operations", out var rest))
        {
            var script = StatusReplies.TryDequeue(out var next) ? next : new Scripted(200, "Succeeded");
            SetRetryAfter(context, script);
            object? error = script.ErrorCode is null ? null : new { code = script.ErrorCode, message = "The scripted operation failed." };
            await Reply(context, script.Status, new { id = rest.Value!.Trim('/'), status = script.OperationStatus, error });
            return;
        }
        await Reply(context, 404, new { error = new { code = "NotFound", message = pathAndQuery } });
    }

    /// <summary>The service's check, written from its documentation: HMAC-SHA256 over verb, path and query, date, host and content hash.</summary>
    private bool IsAuthenticated(HttpRequest request, string pathAndQuery, byte[] body)
    {
        var authorization = request.Headers.Authorization.FirstOrDefault() ?? "";
        if (ExpectedBearer is not null)
        {
            return authorization == "Bearer " + ExpectedBearer;
        }
        var date = request.Headers["x-ms-date"].FirstOrDefault();
        var contentHash = request.Headers["x-ms-content-sha256"].FirstOrDefault();
        if (date is null || contentHash is null || contentHash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return false;
        }
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sentAt)
            || (DateTimeOffset.UtcNow - sentAt).Duration() > TimeSpan.FromMinutes(15))
        {
            return false;
        }
        var stringToSign = request.Method + "\n" + pathAndQuery + "\n" + date + ";" + request.Host.Value + ";" + contentHash;
        using var hmac = new HMACSHA256(Convert.FromBase64String(AccessKey));
        var expected = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        return authorization == expected;
    }

    private static void SetRetryAfter(HttpContext context, Scripted script)
    {
        if (script.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static async Task Reply(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
