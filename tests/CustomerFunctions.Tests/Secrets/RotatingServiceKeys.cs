using System.Security.Cryptography;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Impersonation;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Tests.Secrets;

/// <summary>A server whose service keys a test changes between restarts, as an operator rotating them in Key Vault does.</summary>
public sealed class RotatingKeysFixture : ServiceFixture
{
    public static readonly string OldContinuation = NewKey(), NewContinuation = NewKey(), OldImpersonation = NewKey(), NewImpersonation = NewKey();

    private (string Continuation, string Impersonation) keys = (OldContinuation, OldImpersonation);

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override IEnumerable<(string Key, string Value)> Settings() =>
        [("ServiceKeys:ContinuationKeys", keys.Continuation), ("ServiceKeys:ImpersonationKeys", keys.Impersonation)];

    public async Task RestartWithAsync(string continuationKeys, string impersonationKeys)
    {
        await StopServerAsync();
        keys = (continuationKeys, impersonationKeys);
        await StartServerAsync();
    }
}

public sealed class RotatingServiceKeys(RotatingKeysFixture f) : IClassFixture<RotatingKeysFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task TokensOfThePreviousKey_AreAcceptedAfterRotation_AndRefusedOnceTheKeyIsDropped()
    {
        await f.RestartWithAsync(RotatingKeysFixture.OldContinuation, RotatingKeysFixture.OldImpersonation);
        var partner = await Seed.Partner(f, op);
        var customer = await Seed.Customer(f, op, partner);
        await Seed.Customer(f, op, partner);
        await Seed.Customer(f, op, partner);
        var oldPage = await FirstPageTokenAsync(partner);
        var oldImpersonation = await ImpersonateAsync(customer);

        // Rotation: the new key first, the previous one still listed.
        await f.RestartWithAsync($"{RotatingKeysFixture.NewContinuation},{RotatingKeysFixture.OldContinuation}",
            $"{RotatingKeysFixture.NewImpersonation}, {RotatingKeysFixture.OldImpersonation}");
        (await NextPage(partner, oldPage)).Is(200);
        (await As(oldImpersonation).Get($"/api/customers/{customer}")).Is(200);
        var newPage = await FirstPageTokenAsync(partner);
        var newImpersonation = await ImpersonateAsync(customer);

        // The previous key dropped: its tokens are refused, those signed since (with the newest key) still work.
        await f.RestartWithAsync(RotatingKeysFixture.NewContinuation, RotatingKeysFixture.NewImpersonation);
        (await NextPage(partner, oldPage)).IsProblem(400);
        (await As(oldImpersonation).Get($"/api/customers/{customer}")).IsProblem(401);
        (await NextPage(partner, newPage)).Is(200);
        (await As(newImpersonation).Get($"/api/customers/{customer}")).Is(200);
    }

    [Fact]
    public async Task AnImpersonationTokenSignedWithAnUnlistedKey_IsRefused()
    {
        await f.RestartWithAsync($"{RotatingKeysFixture.NewContinuation},{RotatingKeysFixture.OldContinuation}",
            $"{RotatingKeysFixture.NewImpersonation},{RotatingKeysFixture.OldImpersonation}");
        var customer = await Seed.Customer(f, op);
        var unlisted = new ServiceKeys(Options.Create(new ServiceKeysOptions { ContinuationKeys = RotatingKeysFixture.NewKey(), ImpersonationKeys = RotatingKeysFixture.NewKey() }),
            NullLogger<ServiceKeys>.Instance);
        var now = f.Time.GetUtcNow();
        var forged = new ImpersonationTokens(unlisted).Mint(new Caller(op.Id, op.Email, op.Name, IsOperator: true), customer, null, "imp-1", now, now.AddMinutes(15));

        (await As(forged).Get($"/api/customers/{customer}")).IsProblem(401);
    }

    private ApiClient As(string token) => new(f.Http, f.BaseAddress, token);

    private async Task<string> FirstPageTokenAsync(string partner) =>
        (await f.As(op).Get($"/api/customers?partnerId={partner}&pageSize=1")).Is(200).Json.GetProperty("continuationToken").GetString()!;

    private Task<Reply> NextPage(string partner, string token) =>
        f.As(op).Get($"/api/customers?partnerId={partner}&pageSize=1&continuationToken={Uri.EscapeDataString(token)}");

    private async Task<string> ImpersonateAsync(string customer) =>
        (await f.As(op).Post($"/api/customers/{customer}/impersonation", new { reason = "Rotation check" })).Is(200).Str("token");
}
