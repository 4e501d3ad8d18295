using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// The <c>ServiceKeys</c> settings: the service's own HMAC keys, from configuration (in Azure, Key Vault references),
/// never from storage. Each setting lists base64 keys of 32+ random bytes, newest first, separated by commas.
/// </summary>
public sealed class ServiceKeysOptions
{
    public const string Section = "ServiceKeys";

    /// <summary>Keys of the continuation tokens handed to clients: the first signs, every one listed is accepted.</summary>
    public string? ContinuationKeys { get; set; }

    /// <summary>Keys of the impersonation tokens (HS256): the first signs, every one listed is accepted.</summary>
    public string? ImpersonationKeys { get; set; }

    /// <summary>Set by the host: only Development may leave the keys out (it then gets random keys per process).</summary>
    public bool IsDevelopment { get; set; }
}

/// <summary>
/// Service-wide secrets: the continuation-token and impersonation-token keys. Rotation lists a new key first and keeps
/// the previous one after it until the tokens it signed have expired; tokens signed with an unlisted key are refused.
/// </summary>
public sealed partial class ServiceKeys
{
    public const int MinimumKeyBytes = 32;
    private const string KeyVaultReference = "@Microsoft.KeyVault(";

    public ServiceKeys(IOptions<ServiceKeysOptions> options, ILogger<ServiceKeys> logger)
    {
        ContinuationKeys = Load(options.Value.ContinuationKeys, nameof(ServiceKeysOptions.ContinuationKeys), logger);
        ImpersonationKeys = Load(options.Value.ImpersonationKeys, nameof(ServiceKeysOptions.ImpersonationKeys), logger);
        // Derived, not configured: one more secret to deploy would add nothing, and HKDF keeps the purposes apart.
        StorageSealingKeys = [.. ContinuationKeys.Select(k => HKDF.DeriveKey(HashAlgorithmName.SHA256, k, 32, info: "stored-answers"u8.ToArray()))];
        InvitationLinkKeys = [.. ContinuationKeys.Select(k => HKDF.DeriveKey(HashAlgorithmName.SHA256, k, 32, info: "invitation-link-tokens"u8.ToArray()))];
    }

    /// <summary>Keys from which invitation-link tokens are derived (HMAC of the link), one per continuation key, newest first.</summary>
    public IReadOnlyList<byte[]> InvitationLinkKeys { get; }

    /// <summary>Keys that seal secrets kept in storage (<see cref="SealedText"/>), one derived from each continuation key, newest first.</summary>
    public IReadOnlyList<byte[]> StorageSealingKeys { get; }

    /// <summary>Signs new continuation tokens.</summary>
    public byte[] ContinuationKey => ContinuationKeys[0];

    /// <summary>Every key whose continuation tokens are accepted, newest first.</summary>
    public IReadOnlyList<byte[]> ContinuationKeys { get; }

    /// <summary>Signs the short-lived impersonation tokens this service issues (HS256).</summary>
    public byte[] ImpersonationKey => ImpersonationKeys[0];

    /// <summary>Every key whose impersonation tokens are accepted, newest first.</summary>
    public IReadOnlyList<byte[]> ImpersonationKeys { get; }

    /// <summary>The keys of one setting, or why they are unusable (the message never repeats a key).</summary>
    public static (IReadOnlyList<byte[]> Keys, string? Error) Parse(string? value, string setting)
    {
        var name = ServiceKeysOptions.Section + ":" + setting;
        if (value?.TrimStart().StartsWith(KeyVaultReference, StringComparison.OrdinalIgnoreCase) == true)
        {
            // App Service leaves the reference text in place when it cannot resolve it.
            return ([], $"{name} is a Key Vault reference that did not resolve: the secret must exist and the app's identity needs the 'Key Vault Secrets User' role on the vault.");
        }
        var keys = new List<byte[]>();
        var parts = (value ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var buffer = new byte[parts[i].Length];
            if (!Convert.TryFromBase64String(parts[i], buffer, out var length) || length < MinimumKeyBytes)
            {
                return ([], $"{name}: key {i + 1} is not base64 of at least {MinimumKeyBytes} bytes (create one with `openssl rand -base64 32`).");
            }
            keys.Add(buffer[..length]);
        }
        return (keys, null);
    }

    /// <summary>
    /// Deletes the key rows that earlier versions kept in plain text in the Settings table, so an upgraded deployment
    /// holds no secret in storage. Idempotent: every instance runs it at start-up.
    /// </summary>
    public static async Task ForgetStoredKeysAsync(TableClient settings, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "continuation", "impersonation" })
        {
            try
            {
                await settings.DeleteEntityAsync("keys", name, ETag.All, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
        }
    }

    private static IReadOnlyList<byte[]> Load(string? value, string setting, ILogger logger)
    {
        var (keys, error) = Parse(value, setting);
        if (error is not null)
        {
            // Start-up validation reports it first; this only guards a host that skipped the validation.
            throw new InvalidOperationException(error);
        }
        if (keys.Count > 0)
        {
            return keys;
        }
        LogRandomKey(logger, ServiceKeysOptions.Section + ":" + setting);
        return [RandomNumberGenerator.GetBytes(MinimumKeyBytes)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: using a random key for this process (Development only; its tokens do not survive a restart)")]
    private static partial void LogRandomKey(ILogger logger, string setting);
}

/// <summary>Refuses start-up without usable keys outside Development, naming the setting.</summary>
public sealed class ServiceKeysOptionsValidation : IValidateOptions<ServiceKeysOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceKeysOptions options)
    {
        var failures = new List<string>();
        var continuation = Check(options.ContinuationKeys, nameof(ServiceKeysOptions.ContinuationKeys), options.IsDevelopment, failures);
        var impersonation = Check(options.ImpersonationKeys, nameof(ServiceKeysOptions.ImpersonationKeys), options.IsDevelopment, failures);
        if (continuation.Any(c => impersonation.Any(i => c.AsSpan().SequenceEqual(i))))
        {
            // One leaked purpose must not forge the other's tokens.
            failures.Add("ServiceKeys:ContinuationKeys and ServiceKeys:ImpersonationKeys must not share a key.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IReadOnlyList<byte[]> Check(string? value, string setting, bool isDevelopment, List<string> failures)
    {
        var (keys, error) = ServiceKeys.Parse(value, setting);
        if (error is not null)
        {
            failures.Add(error);
        }
        else if (keys.Count == 0 && !isDevelopment)
        {
            failures.Add($"{ServiceKeysOptions.Section}:{setting} is required outside Development: base64 keys of {ServiceKeys.MinimumKeyBytes}+ random bytes, newest first, comma-separated (in Azure a Key Vault reference; see docs/deploy.md).");
        }
        return keys;
    }
}
