using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerFunctions.Core.Auth;

/// <summary>Mints HS256 tokens for local development and tests (never accepted outside Development).</summary>
public static class DevelopmentTokens
{
    public static string Mint(string signingKey, string userId, string? email, string? name, bool isOperator, DateTimeOffset now, TimeSpan lifetime,
        IReadOnlyDictionary<string, object>? extraClaims = null, string audience = AuthOptions.DevelopmentAudience)
    {
        var claims = new Dictionary<string, object> { ["sub"] = userId };
        if (email is not null)
        {
            claims["email"] = email;
        }
        if (name is not null)
        {
            claims["name"] = name;
        }
        if (isOperator)
        {
            claims["roles"] = new[] { "operator" };
        }
        foreach (var (key, value) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[key] = value;
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.DevelopmentIssuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(Key(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    internal static SymmetricSecurityKey Key(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

}
