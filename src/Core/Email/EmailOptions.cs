using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Email;

/// <summary>The <c>Email</c> settings: which sender, and each sender's own section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary><c>pickup</c> (default), <c>smtp</c> or <c>acs</c>.</summary>
    public string Provider { get; set; } = "pickup";
    public string PickupDirectory { get; set; } = Path.Combine(".local", "mail");

    /// <summary>The From of SMTP and pickup emails (Communication Services uses <see cref="AcsOptions.SenderAddress"/>).</summary>
    public string FromAddress { get; set; } = "no-reply@customer-functions.local";
    public string FromName { get; set; } = "Customer Functions";

    /// <summary>How long a delivery holds an email while it sends; a redelivery waits for it (or for its crash to expire).</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How soon a delivery that found the email busy looks again (it finds it sent, or the holder's lease expired).</summary>
    public TimeSpan BusyRecheckDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sends per <see cref="RateWindow"/> and instance (0 = no limit); keep it under the provider's quota.</summary>
    public int RateLimit { get; set; }
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    public SmtpOptions Smtp { get; set; } = new();
    public AcsOptions Acs { get; set; } = new();

    /// <summary>Set by the host: only Development may write emails to a pickup folder instead of sending them.</summary>
    public bool IsDevelopment { get; set; }
}

public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS: only for a relay on the same host or a test server.</summary>
    None,
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Optional; with Communication Services' SMTP relay, the SMTP username of an Entra app.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an email waits after the server answers "too busy" (421, 432) before it is tried again.</summary>
    public TimeSpan ThrottleDelay { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class AcsOptions
{
    /// <summary>The Communication Services resource, e.g. <c>https://name.communication.azure.com</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The resource's access key (base64); or give <see cref="ConnectionString"/>, or use a managed identity.</summary>
    public string? AccessKey { get; set; }

    /// <summary><c>endpoint=https://...;accesskey=...</c>, as the portal shows it.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Authenticate with an Entra ID token (scope <c>https://communication.azure.com/.default</c>) instead of a key.</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty uses the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>A sender address of a domain linked to the resource, e.g. <c>DoNotReply@....azurecomm.net</c>.</summary>
    public string? SenderAddress { get; set; }

    public string ApiVersion { get; set; } = "2023-03-31";

    /// <summary>Tries of one request on 429 and 5xx before giving the email back to the queue.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off after a 5xx or a network error; it doubles on each try.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A 429 asking for a longer wait than this is not waited out inline: the queue message waits instead.</summary>
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Poll interval for the send operation when the service gives no Retry-After.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to poll for a final status before handing the email back to the queue (a retry is deduplicated).</summary>
    public TimeSpan MaxPollDuration { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The endpoint and key from <see cref="Endpoint"/> / <see cref="AccessKey"/> or from the connection string.</summary>
    public (Uri? Endpoint, string? AccessKey) Resolve()
    {
        string? endpoint = Endpoint, key = AccessKey;
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            foreach (var part in ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    continue;
                }
                var (name, value) = (part[..eq].Trim(), part[(eq + 1)..].Trim());
                if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
                {
                    endpoint ??= value;
                }
                else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
                {
                    key ??= value;
                }
            }
        }
        var uri = Uri.TryCreate(endpoint, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp) ? parsed : null;
        return (uri, string.IsNullOrWhiteSpace(key) ? null : key);
    }
}

/// <summary>Checks the email settings at start-up, so a missing setting stops the host with a clear message.</summary>
public sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        switch (options.Provider.ToLowerInvariant())
        {
            case "pickup":
                Require(failures, options.PickupDirectory, "Email:PickupDirectory");
                if (!options.IsDevelopment)
                {
                    // Outside Development nobody reads that folder: every email would be lost without a trace.
                    failures.Add("Email:Provider 'pickup' (the default) only writes files and is allowed only in Development: set Email:Provider to 'acs' or 'smtp'.");
                }
                break;
            case "smtp":
                Require(failures, options.Smtp.Host, "Email:Smtp:Host");
                Require(failures, options.FromAddress, "Email:FromAddress");
                if (options.Smtp.Port is < 1 or > 65535)
                {
                    failures.Add("Email:Smtp:Port must be between 1 and 65535.");
                }
                if (string.IsNullOrEmpty(options.Smtp.UserName) != string.IsNullOrEmpty(options.Smtp.Password))
                {
                    failures.Add("Email:Smtp:UserName and Email:Smtp:Password go together: set both or neither.");
                }
                break;
            case "acs":
                var acs = options.Acs;
                var (endpoint, key) = acs.Resolve();
                if (endpoint is null)
                {
                    failures.Add("Email:Provider is 'acs' but Email:Acs:Endpoint (or Email:Acs:ConnectionString) is missing or not an absolute http(s) URL.");
                }
                if (!acs.UseManagedIdentity && key is null)
                {
                    failures.Add("Email:Provider is 'acs': set Email:Acs:AccessKey (or Email:Acs:ConnectionString), or Email:Acs:UseManagedIdentity=true.");
                }
                if (key is not null && !IsBase64(key))
                {
                    failures.Add("Email:Acs:AccessKey is not base64.");
                }
                Require(failures, acs.SenderAddress, "Email:Acs:SenderAddress");
                if (acs.MaxAttempts < 1)
                {
                    failures.Add("Email:Acs:MaxAttempts must be at least 1.");
                }
                break;
            default:
                failures.Add($"Email:Provider must be 'pickup', 'smtp' or 'acs', not '{options.Provider}'.");
                break;
        }
        if (options.RateLimit < 0 || options.RateWindow <= TimeSpan.Zero)
        {
            failures.Add("Email:RateLimit must be 0 (no limit) or more, and Email:RateWindow positive.");
        }
        if (options.SendLease <= TimeSpan.Zero)
        {
            failures.Add("Email:SendLease must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required for Email:Provider.");
        }
    }

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length], out _);
}
