namespace CustomerFunctions.Core.Email;

/// <summary>The <c>Email:Acs</c> settings: the Azure Communication Services resource, its credential and the sender address.</summary>
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
