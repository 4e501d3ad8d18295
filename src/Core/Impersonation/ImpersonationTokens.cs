using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Storage;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerFunctions.Core.Impersonation;

/// <summary>
/// Signs impersonation tokens: HS256 with the service's own key (Settings table), issuer and audience
/// <c>customer-functions</c>. <see cref="TokenValidator"/> accepts them in every environment and trusts their
/// impersonation claims; the subject stays the impersonator, so nothing done with the token is anonymous.
/// </summary>
public sealed class ImpersonationTokens(ServiceKeys keys)
{
    /// <summary>The longest an impersonation lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public string Mint(Caller impersonator, string accountId, string impersonationId, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = impersonator.UserId,
            ["jti"] = impersonationId,
            [ImpersonationClaims.By] = impersonator.UserId,
            [ImpersonationClaims.Account] = accountId,
        };
        if (impersonator.Email is not null)
        {
            claims["email"] = impersonator.Email;
        }
        if (impersonator.Name is not null)
        {
            claims["name"] = impersonator.Name;
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ImpersonationClaims.Issuer,
            Audience = ImpersonationClaims.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(keys.ImpersonationKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
