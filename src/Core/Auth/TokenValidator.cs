using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CustomerFunctions.Core.Auth;

/// <summary>
/// Validates bearer JWTs in src/Core (not host middleware) so the Functions worker and Kestrel accept exactly the
/// same tokens. Lifetimes are checked against the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class TokenValidator
{
    private readonly AuthOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<TokenValidator> logger;
    private readonly ServiceKeys keys;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? oidc;
    private readonly Lock refreshLock = new();
    private DateTimeOffset lastForcedRefresh = DateTimeOffset.MinValue;
    private Task<OpenIdConnectConfiguration>? forcedRefresh;

    public TokenValidator(IOptions<AuthOptions> options, TimeProvider time, ILogger<TokenValidator> logger, ServiceKeys keys)
    {
        this.keys = keys;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        if (!string.IsNullOrEmpty(this.options.Authority))
        {
            var metadata = this.options.Authority.TrimEnd('/') + "/.well-known/openid-configuration";
            // A bounded wait, so an identity provider outage answers 503 soon instead of holding requests for 100 s.
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            oidc = new ConfigurationManager<OpenIdConnectConfiguration>(metadata, new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(http) { RequireHttps = metadata.StartsWith("https://", StringComparison.Ordinal) });
        }
    }

    public async Task<(Caller? Caller, ApiError? Error)> ValidateAsync(string authorization, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length <= scheme.Length)
        {
            return (null, ApiError.Unauthorized("Send a bearer token in the Authorization header."));
        }
        var token = authorization[scheme.Length..].Trim();
        if (token.Length > 16 * 1024 || !handler.CanReadToken(token))
        {
            return (null, ApiError.Unauthorized("The bearer token is malformed."));
        }
        JsonWebToken unvalidated;
        try
        {
            unvalidated = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return (null, ApiError.Unauthorized("The bearer token is malformed."));
        }
        var (parameters, unavailable) = await ParametersForAsync(unvalidated, cancellationToken);
        if (unavailable is not null)
        {
            return (null, unavailable);
        }
        if (parameters is null)
        {
            return (null, ApiError.Unauthorized("The token's issuer is not accepted."));
        }
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            LogRejected(logger, result.Exception);
            return (null, ApiError.Unauthorized("The bearer token is invalid or expired."));
        }
        var caller = ToCaller(jwt, trustsServiceClaims: jwt.Issuer is AuthOptions.DevelopmentIssuer or ImpersonationClaims.Issuer);
        if (jwt.Issuer == ImpersonationClaims.Issuer && caller is not { IsImpersonation: true, ImpersonatedAccountId: not null })
        {
            // This service signs nothing but impersonation tokens.
            return (null, ApiError.Unauthorized("The bearer token is invalid or expired."));
        }
        return caller is null ? (null, ApiError.Unauthorized("The token names no user (sub or oid).")) : (caller, null);
    }

    private async Task<(TokenValidationParameters? Parameters, ApiError? Unavailable)> ParametersForAsync(JsonWebToken token, CancellationToken cancellationToken)
    {
        var common = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            LifetimeValidator = ValidLifetime,
        };
        if (token.Issuer == ImpersonationClaims.Issuer)
        {
            // Impersonation tokens this service signed itself (every environment); same clock, so no skew.
            common.ValidIssuer = ImpersonationClaims.Issuer;
            common.ValidAudience = ImpersonationClaims.Audience;
            // Every listed key, so tokens signed before a rotation stay valid for their few minutes.
            common.IssuerSigningKeys = keys.ImpersonationKeys.Select(k => new SymmetricSecurityKey(k)).ToList();
            common.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            common.ClockSkew = TimeSpan.Zero;
            return (common, null);
        }
        if (token.Issuer == AuthOptions.DevelopmentIssuer && !string.IsNullOrEmpty(options.DevelopmentSigningKey) && options.IsDevelopment)
        {
            common.ValidIssuer = AuthOptions.DevelopmentIssuer;
            common.ValidAudience = AuthOptions.DevelopmentAudience;
            common.IssuerSigningKey = DevelopmentTokens.Key(options.DevelopmentSigningKey);
            common.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            return (common, null);
        }
        if (oidc is null)
        {
            return (null, null);
        }
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await oidc.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            // Thrown only while no metadata was ever read (later outages keep the last good keys): not a storage fault.
            LogIdentityProviderUnavailable(logger, e, oidc.MetadataAddress);
            return (null, new ApiError(503, "identity-provider-unavailable", "The identity provider is unavailable.",
                "The token's signing keys could not be read from the identity provider; try again shortly."));
        }
        if (token.Kid is { Length: > 0 } kid && !configuration.SigningKeys.Any(k => k.KeyId == kid))
        {
            configuration = await KeysAfterRolloverAsync(configuration, kid).WaitAsync(cancellationToken);
        }
        common.ValidIssuer = configuration.Issuer;
        common.ValidAudience = options.Audience;
        common.IssuerSigningKeys = configuration.SigningKeys;
        common.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384];
        return (common, null);
    }

    /// <summary>
    /// A key id the cached metadata lacks: the provider may have rolled its keys over. One caller per refresh interval
    /// (the manager's own limit, 5 minutes) forces a refresh; callers meanwhile wait for the same one, and later tokens
    /// with made-up key ids are answered at once with the keys at hand.
    /// </summary>
    private Task<OpenIdConnectConfiguration> KeysAfterRolloverAsync(OpenIdConnectConfiguration stale, string kid)
    {
        lock (refreshLock)
        {
            if (forcedRefresh is { IsCompleted: false } running)
            {
                return running;
            }
            var now = time.GetUtcNow();
            if (now - lastForcedRefresh >= oidc!.RefreshInterval)
            {
                lastForcedRefresh = now;
                return forcedRefresh = RefreshedAsync(stale, kid);
            }
        }
        // Whatever the manager holds now: a refresh may have finished since this caller read the keys.
        return oidc.GetConfigurationAsync(CancellationToken.None);
    }

    private async Task<OpenIdConnectConfiguration> RefreshedAsync(OpenIdConnectConfiguration stale, string kid)
    {
        LogRefreshingKeys(logger, kid);
        oidc!.RequestRefresh();
        // The manager refreshes in the background; wait a little for it rather than answer these tokens with 401s.
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(100);
            var current = await oidc.GetConfigurationAsync(CancellationToken.None);
            if (!ReferenceEquals(current, stale))
            {
                return current;
            }
        }
        return stale;
    }

    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is not null && now < expires.Value.Add(parameters.ClockSkew) && (notBefore is null || now >= notBefore.Value.Subtract(parameters.ClockSkew));
    }

    private static Caller? ToCaller(JsonWebToken jwt, bool trustsServiceClaims)
    {
        string? Claim(string type) => jwt.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        var userId = Claim("oid") ?? Claim("sub");
        if (userId is null || userId.Length > 128)
        {
            return null;
        }
        var isOperator = jwt.Claims.Any(c => c.Type is "roles" or "role" && c.Value == "operator");
        return new Caller(userId, Claim("email") ?? Claim("preferred_username"), Claim("name"), isOperator)
        {
            // Impersonation claims count only in tokens this service signed itself, never in an outside issuer's.
            ImpersonatedBy = trustsServiceClaims ? Claim(ImpersonationClaims.By) : null,
            ImpersonatedAccountId = trustsServiceClaims ? Claim(ImpersonationClaims.Account) : null,
            ImpersonationIssuedAt = trustsServiceClaims && jwt.IssuedAt != DateTime.MinValue ? new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero) : null,
            ImpersonationPartnerId = trustsServiceClaims ? Claim(ImpersonationClaims.Partner) : null,
            ImpersonationIssuerRole = trustsServiceClaims ? Claim(ImpersonationClaims.IssuerRole) : null,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The identity provider's metadata at {Address} could not be read")]
    private static partial void LogIdentityProviderUnavailable(ILogger logger, Exception exception, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "A token names the unknown signing key {KeyId}: refreshing the identity provider's keys")]
    private static partial void LogRefreshingKeys(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected a bearer token")]
    private static partial void LogRejected(ILogger logger, Exception? reason);
}
