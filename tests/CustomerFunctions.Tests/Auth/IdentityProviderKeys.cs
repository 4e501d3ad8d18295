using System.Collections.Concurrent;
using System.Security.Cryptography;
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

/// <summary>A loopback OpenID Connect issuer whose signing keys a test rolls over and whose metadata a test takes down.</summary>
public sealed class ControllableIssuerFixture : ServiceFixture
{
    private readonly ConcurrentDictionary<string, RSA> keys = new();
    private string[] published = ["k1"];
    private int keyFetches;
    private WebApplication? issuer;

    public string IssuerUrl { get; private set; } = "";

    /// <summary>While true, the metadata document answers 503.</summary>
    public bool MetadataDown { get; set; }

    /// <summary>How often the service read the key set.</summary>
    public int KeyFetches => Volatile.Read(ref keyFetches);

    protected override IEnumerable<(string Key, string Value)> Settings() => [("Auth:Authority", IssuerUrl), ("Auth:Audience", "api://customer-functions")];

    public override async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        issuer = builder.Build();
        issuer.MapGet("/.well-known/openid-configuration", () => MetadataDown
            ? Results.StatusCode(503)
            : Results.Json(new Dictionary<string, object> { ["issuer"] = IssuerUrl, ["jwks_uri"] = IssuerUrl + "/keys" }));
        issuer.MapGet("/keys", () =>
        {
            Interlocked.Increment(ref keyFetches);
            return Results.Json(new { keys = Volatile.Read(ref published).Select(Jwk).ToArray() });
        });
        await issuer.StartAsync();
        IssuerUrl = issuer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await base.InitializeAsync();
    }

    /// <summary>The issuer's key set becomes exactly these keys (a rollover).</summary>
    public void Publish(params string[] keyIds) => Volatile.Write(ref published, keyIds);

    /// <summary>An RS256 token for the API, signed with the key <paramref name="keyId"/> whether or not it is published.</summary>
    public string Issue(string keyId, string subject) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerUrl,
            Audience = "api://customer-functions",
            Claims = new Dictionary<string, object> { ["oid"] = subject, ["email"] = subject + "@contoso.test" },
            IssuedAt = Time.GetUtcNow().UtcDateTime,
            NotBefore = Time.GetUtcNow().UtcDateTime.AddMinutes(-1),
            Expires = Time.GetUtcNow().UtcDateTime.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(Key(keyId)) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });

    public Task<Reply> GetWith(string token) =>
        Anonymous.SendRaw(HttpMethod.Get, "/api/customers/none-here", null, new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

    private RSA Key(string keyId) => keys.GetOrAdd(keyId, _ => RSA.Create(2048));

    private object Jwk(string keyId)
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Key(keyId).ExportParameters(false)) { KeyId = keyId });
        return new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", n = jwk.N, e = jwk.E, alg = "RS256" };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (issuer is not null)
        {
            await issuer.DisposeAsync();
        }
        foreach (var key in keys.Values)
        {
            key.Dispose();
        }
    }
}

public sealed class SigningKeyRollover(ControllableIssuerFixture f) : IClassFixture<ControllableIssuerFixture>
{
    [Fact]
    public async Task ATokenOfANewlyPublishedKey_IsAcceptedAtOnce_AndUnknownKeyIdsRefreshAtMostOncePerInterval()
    {
        // 404, not 401: the token was accepted and the account simply does not exist.
        (await f.GetWith(f.Issue("k1", "alice"))).IsProblem(404);

        f.Publish("k2");
        var fetches = f.KeyFetches;
        // Requests arriving together all wait for the one refresh.
        foreach (var reply in await Task.WhenAll(Enumerable.Range(0, 8).Select(i => f.GetWith(f.Issue("k2", "user" + i)))))
        {
            reply.IsProblem(404);
        }
        Assert.Equal(fetches + 1, f.KeyFetches);

        // Made-up key ids right after cannot make the service hammer the identity provider.
        (await f.GetWith(f.Issue("k3-never-published", "mallory"))).IsProblem(401);
        (await f.GetWith(f.Issue("k4-never-published", "mallory"))).IsProblem(401);
        Assert.Equal(fetches + 1, f.KeyFetches);
    }
}

public sealed class IdentityProviderOutage(ControllableIssuerFixture f) : IClassFixture<ControllableIssuerFixture>
{
    [Fact]
    public async Task UnreadableMetadata_Answers503IdentityProviderUnavailable_NotStorageUnavailable()
    {
        f.MetadataDown = true;
        (await f.GetWith(f.Issue("k1", "bob"))).IsProblem(503, "identity-provider-unavailable");

        f.MetadataDown = false;
        (await f.GetWith(f.Issue("k1", "bob"))).IsProblem(404);
    }
}
