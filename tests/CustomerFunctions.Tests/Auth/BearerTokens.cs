using System.Security.Cryptography;
using System.Text;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerFunctions.Tests.Auth;

public sealed class BearerTokens(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser user = TestUser.New("tokenuser");

    private Task<Reply> MeWith(string? authorization) =>
        f.Anonymous.SendRaw(HttpMethod.Get, "/api/customers/no-such-account", null, authorization is null ? null : new Dictionary<string, string> { ["Authorization"] = authorization });

    [Fact]
    public async Task ValidDevelopmentToken_IsAccepted()
    {
        // 404 (not 401): the token was accepted and the account simply does not exist.
        (await MeWith("Bearer " + f.Token(user))).IsProblem(404);
    }

    [Fact]
    public async Task MissingToken_Is401() => (await MeWith(null)).IsProblem(401, "unauthorized");

    [Fact]
    public async Task ExpiredToken_Is401()
    {
        var token = f.Token(user, TimeSpan.FromMinutes(5));
        (await MeWith("Bearer " + token)).IsProblem(404);
        f.Time.Advance(TimeSpan.FromMinutes(10));
        (await MeWith("Bearer " + token)).IsProblem(401);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKey_Is401()
    {
        var forged = DevelopmentTokens.Mint("another-signing-key-0123456789-abcdefghij", user.Id, user.Email, user.Name, isOperator: true, f.Time.GetUtcNow(), TimeSpan.FromHours(1));
        (await MeWith("Bearer " + forged)).IsProblem(401);
    }

    [Fact]
    public async Task UnsignedAlgNoneToken_Is401()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = f.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds();
        var token = Part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
            Part($"{{\"iss\":\"customer-functions-dev\",\"aud\":\"customer-functions\",\"sub\":\"x\",\"roles\":[\"operator\"],\"exp\":{exp}}}") + ".";
        (await MeWith("Bearer " + token)).IsProblem(401);
    }

    [Fact]
    public async Task WrongAudience_Is401()
    {
        var token = DevelopmentTokens.Mint(ServiceFixture.SigningKey, user.Id, null, null, false, f.Time.GetUtcNow(), TimeSpan.FromHours(1), audience: "someone-else");
        (await MeWith("Bearer " + token)).IsProblem(401);
    }

    [Fact]
    public async Task GarbageAndOtherSchemes_Are401()
    {
        foreach (var header in new[] { "Bearer", "Bearer not-a-jwt", "Basic dXNlcjpwYXNz", "Bearer a.b.c" })
        {
            (await MeWith(header)).IsProblem(401);
        }
    }
}

/// <summary>A loopback OpenID Connect issuer: metadata, signing keys, and RS256 tokens, for the production token path.</summary>
public sealed class OidcIssuerFixture : ServiceFixture
{
    private readonly RSA rsa = RSA.Create(2048);
    private WebApplication? issuer;

    public string IssuerUrl { get; private set; } = "";

    protected override IEnumerable<(string Key, string Value)> Settings() => [("Auth:Authority", IssuerUrl), ("Auth:Audience", "api://customer-functions")];

    public override async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        issuer = builder.Build();
        var key = new RsaSecurityKey(rsa) { KeyId = "k1" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "k1" });
        issuer.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = IssuerUrl,
            ["jwks_uri"] = IssuerUrl + "/keys",
        }));
        issuer.MapGet("/keys", () => Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", n = jwk.N, e = jwk.E, alg = "RS256" } } }));
        await issuer.StartAsync();
        IssuerUrl = issuer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await base.InitializeAsync();
    }

    public string Issue(string subject, string audience, bool isOperator = false, string? issuerOverride = null)
    {
        var claims = new Dictionary<string, object> { ["oid"] = subject, ["email"] = subject + "@contoso.test", ["name"] = subject };
        if (isOperator)
        {
            claims["roles"] = new[] { "operator" };
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuerOverride ?? IssuerUrl,
            Audience = audience,
            Claims = claims,
            IssuedAt = Time.GetUtcNow().UtcDateTime,
            NotBefore = Time.GetUtcNow().UtcDateTime.AddMinutes(-1),
            Expires = Time.GetUtcNow().UtcDateTime.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (issuer is not null)
        {
            await issuer.DisposeAsync();
        }
        rsa.Dispose();
    }
}

public sealed class OpenIdConnectTokens(OidcIssuerFixture f) : IClassFixture<OidcIssuerFixture>
{
    [Fact]
    public async Task TokenFromTheAuthority_IsAccepted_AndItsOperatorRoleCounts()
    {
        var token = f.Issue("entra-operator", "api://customer-functions", isOperator: true);
        var id = Ids.Account();
        (await f.Anonymous.SendRaw(HttpMethod.Post, "/api/customers", $"{{\"id\":\"{id}\",\"name\":\"Via Entra\"}}", new Dictionary<string, string> { ["Authorization"] = "Bearer " + token })).Is(201);
    }

    [Fact]
    public async Task TokenForAnotherAudience_OrFromAnotherIssuer_Is401()
    {
        foreach (var token in new[] { f.Issue("u", "api://other"), f.Issue("u", "api://customer-functions", issuerOverride: "https://evil.test") })
        {
            (await f.Anonymous.SendRaw(HttpMethod.Get, "/api/customers/none-here", null, new Dictionary<string, string> { ["Authorization"] = "Bearer " + token })).IsProblem(401);
        }
    }
}
