namespace CustomerFunctions.Core.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const string DevelopmentIssuer = "customer-functions-dev";
    public const string DevelopmentAudience = "customer-functions";

    /// <summary>OpenID Connect authority (issuer URL) whose tokens are accepted, e.g. an Entra ID tenant.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience those tokens must carry.</summary>
    public string? Audience { get; set; }

    /// <summary>Development only: HS256 key (32+ characters) for locally minted tokens.</summary>
    public string? DevelopmentSigningKey { get; set; }

    /// <summary>Set by the host: whether this is the Development environment (the only one that allows the signing key).</summary>
    public bool IsDevelopment { get; set; }

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrEmpty(DevelopmentSigningKey))
        {
            if (!IsDevelopment)
            {
                yield return "Auth:DevelopmentSigningKey is only allowed in the Development environment.";
            }
            if (DevelopmentSigningKey.Length < 32)
            {
                yield return "Auth:DevelopmentSigningKey must be at least 32 characters.";
            }
        }
        if (!string.IsNullOrEmpty(Authority) && !IsAcceptedAuthority(Authority, IsDevelopment))
        {
            // The signing keys come from there: over plain HTTP anyone on the path could substitute their own.
            yield return IsDevelopment
                ? "Auth:Authority must be an absolute http(s) URL."
                : "Auth:Authority must be an absolute https URL outside Development (the token signing keys are read from it).";
        }
        if (!string.IsNullOrEmpty(Authority) && string.IsNullOrEmpty(Audience))
        {
            yield return "Auth:Audience is required with Auth:Authority.";
        }
        if (string.IsNullOrEmpty(Authority) && string.IsNullOrEmpty(DevelopmentSigningKey))
        {
            yield return "Configure Auth:Authority and Auth:Audience (or, in Development, Auth:DevelopmentSigningKey).";
        }
    }

    private static bool IsAcceptedAuthority(string authority, bool isDevelopment) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (isDevelopment && uri.Scheme == Uri.UriSchemeHttp));
}
