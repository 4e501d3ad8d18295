using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Reliability;

/// <summary>An outbox row that keeps failing is parked and skipped: the account's later effects still run, and operators list and replay it.</summary>
public sealed class ParkingFailingEffects(BackstopFixture f) : IClassFixture<BackstopFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private Outbox Outbox => f.Services.GetRequiredService<Outbox>();

    [Fact]
    public async Task ARowNoDeploymentCanRead_IsParkedAfterItsTries_AndTheAccountsLaterEffectsStillRun()
    {
        var customer = await Seed.Customer(f, op);
        // A row whose effect was renamed away, older than anything else of the account, so a drain meets it first.
        var stuck = Core.Storage.Outbox.Prefix + Guid.CreateVersion7(f.Time.GetUtcNow().AddMinutes(-1)).ToString("N");
        await f.StorageClients.Accounts.AddEntityAsync(new TableEntity(customer, stuck) { ["Effects"] = """[{"kind":"RenamedEffect","x":1}]""" });
        var later = TestUser.New("later");
        await MemberThroughACrash(customer, later);
        Assert.Equal(2, (await AccountRows.Outbox(f, customer)).Count);

        Assert.Equal(1, await Outbox.DrainAsync(customer, CancellationToken.None));
        Assert.Contains(await MembershipsOf(later), m => m == customer);
        var row = Assert.Single(await AccountRows.Outbox(f, customer));
        Assert.Equal(1, row.GetInt32("Attempts"));
        Assert.NotEqual(true, row.GetBoolean("Parked"));
        Assert.DoesNotContain(await Parked(), p => p.GetProperty("accountId").GetString() == customer);

        OutboxDrain last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await Outbox.DrainAsync(customer, null, CancellationToken.None);
        }
        Assert.Equal(new OutboxDrain(0, 0, 1, 0), last);
        var parked = Assert.Single(await Parked(), p => p.GetProperty("accountId").GetString() == customer);
        Assert.Equal(Core.Storage.ParkedEffects.EffectId(stuck), parked.GetProperty("effectId").GetString());
        Assert.Equal(["RenamedEffect"], parked.GetProperty("effectKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(5, parked.GetProperty("attempts").GetInt32());
        Assert.Contains("RenamedEffect", parked.GetProperty("error").GetString());
        Assert.Equal(f.Time.GetUtcNow(), parked.GetProperty("parkedAt").GetDateTimeOffset());

        // Parked means skipped: further drains neither run nor count it.
        Assert.Equal(new OutboxDrain(0, 0, 1, 0), await Outbox.DrainAsync(customer, null, CancellationToken.None));
        Assert.Equal(5, Assert.Single(await AccountRows.Outbox(f, customer)).GetInt32("Attempts"));
    }

    [Fact]
    public async Task AnEffectThatFailsOnce_IsRetried_NotParked()
    {
        var customer = await Seed.Customer(f, op);
        var user = TestUser.New("transient");
        await MemberThroughACrash(customer, user);

        f.Faults.FailStorageWhen((_, uri) => uri.AbsolutePath.Contains("AccountIndex", StringComparison.Ordinal) ? StorageFault.FailBeforeSending : StorageFault.None);
        OutboxDrain first;
        try
        {
            first = await Outbox.DrainAsync(customer, null, CancellationToken.None);
        }
        finally
        {
            f.Faults.FailStorageWhen(null);
        }
        Assert.Equal(new OutboxDrain(0, 1, 0, 0), first);
        var row = Assert.Single(await AccountRows.Outbox(f, customer));
        Assert.Equal(1, row.GetInt32("Attempts"));
        Assert.Contains("Injected fault", row.GetString("LastError"));

        Assert.Equal(new OutboxDrain(1, 0, 0, 0), await Outbox.DrainAsync(customer, null, CancellationToken.None));
        Assert.Empty(await AccountRows.Outbox(f, customer));
        Assert.Contains(customer, await MembershipsOf(user));
        Assert.DoesNotContain(await Parked(), p => p.GetProperty("accountId").GetString() == customer);
    }

    [Fact]
    public async Task AnOperatorReplaysAParkedEffect_OnceItsCauseIsGone_AndItRuns()
    {
        var customer = await Seed.Customer(f, op);
        var user = TestUser.New("replayed");
        await MemberThroughACrash(customer, user);
        f.Faults.FailStorageWhen((_, uri) => uri.AbsolutePath.Contains("AccountIndex", StringComparison.Ordinal) && uri.AbsolutePath.Contains("user", StringComparison.Ordinal)
            ? StorageFault.FailBeforeSending : StorageFault.None);
        try
        {
            for (var i = 0; i < 5; i++)
            {
                await Outbox.DrainAsync(customer, null, CancellationToken.None);
            }
        }
        finally
        {
            f.Faults.FailStorageWhen(null);
        }
        var parked = Assert.Single(await Parked(), p => p.GetProperty("accountId").GetString() == customer);
        Assert.Equal(["SyncMembership"], parked.GetProperty("effectKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.DoesNotContain(customer, await MembershipsOf(user));
        var path = $"/api/operator/outbox/parked/{customer}/{parked.GetProperty("effectId").GetString()}/replay";

        (await f.As(user).Post(path)).IsProblem(403);
        (await f.As(op).Post($"/api/operator/outbox/parked/{customer}/{new string('0', 32)}/replay")).IsProblem(404);
        (await f.As(op).Post($"/api/operator/outbox/parked/{customer}/not-an-effect/replay")).IsProblem(404);
        Assert.Equal("done", (await f.As(op).Post(path)).Is(200).Str("outcome"));

        Assert.Contains(customer, await MembershipsOf(user));
        Assert.Empty(await AccountRows.Outbox(f, customer));
        Assert.DoesNotContain(await Parked(), p => p.GetProperty("accountId").GetString() == customer);
        (await f.As(op).Post(path)).IsProblem(404);
    }

    /// <summary>Adds a member while the process "crashes" right after the commit: the membership's index effect stays in the outbox.</summary>
    private async Task MemberThroughACrash(string customer, TestUser user)
    {
        f.Faults.FailWhen(point => point == FaultInjection.AfterCommit);
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Seed.Member(f, customer, user, MemberRole.CustomerEmployee));
        }
        finally
        {
            f.Faults.FailWhen(null);
        }
    }

    private async Task<List<string>> MembershipsOf(TestUser user) =>
        [.. (await f.As(user).Get("/api/me")).Is(200).Json.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("customerId").GetString()!)];

    private async Task<List<JsonElement>> Parked()
    {
        var items = new List<JsonElement>();
        string? token = null;
        do
        {
            var page = (await f.As(op).Get("/api/operator/outbox/parked" + (token is null ? "" : "?continuationToken=" + Uri.EscapeDataString(token)))).Is(200).Json;
            items.AddRange(page.GetProperty("items").EnumerateArray());
            token = page.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        return items;
    }
}
