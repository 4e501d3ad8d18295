using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// Sends through Azure Communication Services' email REST API: <c>POST {endpoint}/emails:send</c> with the email's id as
/// <c>Operation-Id</c> (so a retried send is deduplicated by the service), then polls the operation to a final status.
/// Requests are signed with the access key (HMAC-SHA256) or carry an Entra ID token of a managed identity.
/// 429 and 5xx are retried with back-off honouring Retry-After; a long Retry-After goes back to the queue instead.
/// </summary>
public sealed partial class AcsEmailSender : IEmailSender
{
    public static readonly string[] Scopes = ["https://communication.azure.com/.default"];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly AcsOptions options;
    private readonly string baseUrl;
    private readonly string authority;
    private readonly byte[]? accessKey;
    private readonly TokenCredential? credential;
    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public AcsEmailSender(AcsOptions options, HttpClient http, TokenCredential? credential, TimeProvider time, ILogger<AcsEmailSender> logger)
    {
        var (endpoint, key) = options.Resolve();
        ArgumentNullException.ThrowIfNull(endpoint, "Email:Acs:Endpoint");
        this.options = options;
        baseUrl = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        authority = endpoint.Authority;
        if (options.UseManagedIdentity)
        {
            this.credential = credential ?? throw new InvalidOperationException("Email:Acs:UseManagedIdentity needs a token credential.");
        }
        else
        {
            accessKey = Convert.FromBase64String(key ?? throw new InvalidOperationException("Email:Acs:AccessKey is missing."));
        }
        this.http = http;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The service wants a GUID: the email id is one (UUID v7); anything else is hashed into one, stably.</summary>
    public static string OperationIdFor(string emailId) =>
        Guid.TryParse(emailId, out var id) ? id.ToString("D") : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(emailId))[..16]).ToString("D");

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var operationId = OperationIdFor(email.Id);
        var body = JsonSerializer.SerializeToUtf8Bytes(new SendRequest(
            options.SenderAddress!,
            new Recipients([new EmailAddress(email.To, email.ToName)]),
            new Content(email.Subject, email.TextBody),
            UserEngagementTrackingDisabled: true), JsonOptions);
        var sendUri = new Uri($"{baseUrl}/emails:send?api-version={Uri.EscapeDataString(options.ApiVersion)}");

        Uri statusUri;
        TimeSpan delay;
        using (var accepted = await SendWithRetriesAsync(HttpMethod.Post, sendUri, body, operationId, email.Id, cancellationToken))
        {
            if (accepted.StatusCode != HttpStatusCode.Accepted)
            {
                var (code, detail) = await ReadErrorAsync(accepted, cancellationToken);
                LogRefused(logger, email.Id, operationId, (int)accepted.StatusCode, code, detail);
                throw new EmailSendFailedException(email.Id, code, $"Communication Services refused email {email.Id}: {(int)accepted.StatusCode} {code} {detail}");
            }
            LogAccepted(logger, email.Id, operationId);
            statusUri = StatusUri(accepted, operationId);
            delay = RetryAfter(accepted) ?? options.PollInterval;
        }

        var deadline = time.GetUtcNow() + options.MaxPollDuration;
        while (true)
        {
            await Task.Delay(delay, time, cancellationToken);
            using var polled = await SendWithRetriesAsync(HttpMethod.Get, statusUri, [], null, email.Id, cancellationToken);
            if (polled.StatusCode != HttpStatusCode.OK)
            {
                var (code, detail) = await ReadErrorAsync(polled, cancellationToken);
                throw new EmailSendFailedException(email.Id, code, $"Polling email {email.Id} (operation {operationId}) answered {(int)polled.StatusCode} {code} {detail}");
            }
            var (status, errorCode, errorMessage) = await ReadStatusAsync(polled, cancellationToken);
            switch (status)
            {
                case "Succeeded":
                    LogSucceeded(logger, email.Id, operationId);
                    return;
                case "Failed" or "Canceled":
                    LogFailed(logger, email.Id, operationId, status, errorCode, errorMessage);
                    throw new EmailSendFailedException(email.Id, errorCode, $"Email {email.Id} (operation {operationId}) ended {status}: {errorCode} {errorMessage}");
            }
            if (time.GetUtcNow() >= deadline)
            {
                // Accepted but not finished: the queue tries again later, and the service deduplicates the repeated send.
                throw new EmailSendFailedException(email.Id, null, $"Email {email.Id} (operation {operationId}) was still {status} after {options.MaxPollDuration}.");
            }
            delay = RetryAfter(polled) ?? options.PollInterval;
        }
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpMethod method, Uri uri, byte[] body, string? operationId, string emailId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var backoff = options.RetryDelay * Math.Pow(2, attempt - 1);
            HttpResponseMessage response;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(options.RequestTimeout);
                try
                {
                    using var request = await CreateRequestAsync(method, uri, body, operationId, timeout.Token);
                    response = await http.SendAsync(request, timeout.Token);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested && attempt < options.MaxAttempts)
                {
                    LogRetrying(logger, e, emailId, 0, attempt, backoff);
                    await Task.Delay(backoff, time, cancellationToken);
                    continue;
                }
            }

            var status = (int)response.StatusCode;
            if (status == 429)
            {
                var wait = RetryAfter(response) ?? backoff;
                response.Dispose();
                if (wait > options.MaxInlineRetryAfter || attempt >= options.MaxAttempts)
                {
                    LogThrottled(logger, emailId, wait);
                    throw new EmailThrottledException(wait, $"Communication Services throttled email {emailId}; retry after {wait}.");
                }
                LogRetrying(logger, null, emailId, status, attempt, wait);
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }
            if (status >= 500 && attempt < options.MaxAttempts)
            {
                var wait = Min(RetryAfter(response) ?? backoff, options.MaxInlineRetryAfter);
                response.Dispose();
                LogRetrying(logger, null, emailId, status, attempt, wait);
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }
            return response;
        }
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, Uri uri, byte[] body, string? operationId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, uri);
        if (method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }
        if (operationId is not null)
        {
            request.Headers.TryAddWithoutValidation("Operation-Id", operationId);
        }
        request.Headers.TryAddWithoutValidation("x-ms-client-request-id", Guid.NewGuid().ToString("D"));
        if (accessKey is not null)
        {
            foreach (var (name, value) in SignatureHeaders(method.Method, uri, body, accessKey, time.GetUtcNow()))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        else
        {
            var token = await credential!.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token.Token);
        }
        return request;
    }

    /// <summary>
    /// Access-key authentication: HMAC-SHA256, keyed with the decoded access key, over
    /// <c>VERB\npath-and-query\nx-ms-date;host;x-ms-content-sha256</c> (values), sent with the signed headers.
    /// </summary>
    public static IEnumerable<(string Name, string Value)> SignatureHeaders(string method, Uri uri, byte[] body, byte[] accessKey, DateTimeOffset now)
    {
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var date = now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
        var stringToSign = $"{method.ToUpperInvariant()}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign)));
        yield return ("x-ms-date", date);
        yield return ("x-ms-content-sha256", contentHash);
        yield return ("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }

    /// <summary>The Operation-Location the service gave, if it points at our own resource; else the documented status route.</summary>
    private Uri StatusUri(HttpResponseMessage accepted, string operationId)
    {
        if (accepted.Headers.TryGetValues("Operation-Location", out var values)
            && Uri.TryCreate(values.FirstOrDefault(), UriKind.Absolute, out var location)
            && string.Equals(location.Authority, authority, StringComparison.OrdinalIgnoreCase))
        {
            return location;
        }
        return new Uri($"{baseUrl}/emails/operations/{operationId}?api-version={Uri.EscapeDataString(options.ApiVersion)}");
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } at ? at - time.GetUtcNow() : null);
        if (wait is null && response.Headers.TryGetValues("retry-after-ms", out var ms) && double.TryParse(ms.FirstOrDefault(), CultureInfo.InvariantCulture, out var millis))
        {
            wait = TimeSpan.FromMilliseconds(millis);
        }
        return wait is null ? null : Max(wait.Value, TimeSpan.Zero);
    }

    private static async Task<(string? Status, string? Code, string? Message)> ReadStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var document = await ReadJsonAsync(response, cancellationToken);
        if (document is null)
        {
            return (null, null, null);
        }
        var root = document.RootElement;
        var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var (code, message) = Error(root);
        return (status, code, message);
    }

    private static async Task<(string? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var document = await ReadJsonAsync(response, cancellationToken);
        return document is null ? (null, null) : Error(document.RootElement);
    }

    private static (string? Code, string? Message) Error(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }
        return (Text(error, "code"), Text(error, "message"));

        static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    private static async Task<JsonDocument?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return bytes.Length == 0 ? null : JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record SendRequest(string SenderAddress, Recipients Recipients, Content Content, bool UserEngagementTrackingDisabled);
    private sealed record Recipients(IReadOnlyList<EmailAddress> To);
    private sealed record EmailAddress(string Address, string? DisplayName);
    private sealed record Content(string Subject, string PlainText);

    [LoggerMessage(Level = LogLevel.Information, Message = "Communication Services accepted email {EmailId} as operation {OperationId}")]
    private static partial void LogAccepted(ILogger logger, string emailId, string operationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Communication Services delivered email {EmailId} (operation {OperationId})")]
    private static partial void LogSucceeded(ILogger logger, string emailId, string operationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Communication Services email {EmailId} (operation {OperationId}) ended {Status}: {ErrorCode} {ErrorMessage}")]
    private static partial void LogFailed(ILogger logger, string emailId, string operationId, string? status, string? errorCode, string? errorMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Communication Services refused email {EmailId} (operation {OperationId}) with {StatusCode}: {ErrorCode} {ErrorMessage}")]
    private static partial void LogRefused(ILogger logger, string emailId, string operationId, int statusCode, string? errorCode, string? errorMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Communication Services answered {StatusCode} for email {EmailId} on try {Attempt}; trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Exception? exception, string emailId, int statusCode, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Communication Services throttled email {EmailId}; it waits {RetryAfter} on the queue")]
    private static partial void LogThrottled(ILogger logger, string emailId, TimeSpan retryAfter);
}
