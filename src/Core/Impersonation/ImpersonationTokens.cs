using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerFunctions.Core.Impersonation;

/// <summary>
/// Signs impersonation tokens: HS256 with the newest of the service's own keys (<c>ServiceKeys:ImpersonationKeys</c>), issuer and audience
/// <c>customer-functions</c>. <see cref="TokenValidator"/> accepts them in every environment and trusts their
/// impersonation claims; the subject stays the impersonator, so nothing done with the token is anonymous.
/// </summary>
public sealed class ImpersonationTokens(ServiceKeys keys)
{
    /// <summary>The longest an impersonation lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <param name="through">The partner membership the impersonator acts through; null for an operator.</param>
    public string Mint(Caller impersonator, string accountId, (string PartnerId, MemberRole Role)? through, string impersonationId, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = impersonator.UserId,
            ["jti"] = impersonationId,
            [ImpersonationClaims.By] = impersonator.UserId,
            [ImpersonationClaims.Account] = accountId,
            // What the token is re-checked against on every request (see ImpersonationStanding).
            [ImpersonationClaims.IssuerRole] = through?.Role.ToString() ?? ImpersonationClaims.OperatorRole,
        };
        if (through is { } partner)
        {
            claims[ImpersonationClaims.Partner] = partner.PartnerId;
        }
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
