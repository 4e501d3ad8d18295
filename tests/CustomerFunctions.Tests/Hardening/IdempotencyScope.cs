using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Hardening;

/// <summary>An Idempotency-Key answers only for the caller, route and account it came with, for 24 hours, and its stored answer gives no secret away.</summary>
public sealed class IdempotencyScope(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    [Fact]
    public async Task TwoDifferentPosts_WithTheSameKey_EachRun()
    {
        var scene = await TenantScene.Build(f, op, MemberRole.PartnerAdmin);
        var admin = f.As(scene.Admin);
        var key = Key(Guid.NewGuid().ToString());

        var message = await f.As(op).Post($"/api/customers/{scene.Customer}/messages", new { subject = "S", body = "B", mode = "allMustRead" }, key);
        var project = await admin.Post($"/api/customers/{scene.Customer}/projects", new { id = "web", name = "Web" }, key);
        var invitation = await admin.Post($"/api/customers/{scene.Customer}/invitations", new { email = "new@invitee.test", fullName = "New" }, key);

        message.Is(201);
        Assert.Equal("web", project.Is(201).Str("id"));
        Assert.Equal("new@invitee.test", invitation.Is(201).Str("email"));
        Assert.False(project.Headers.Contains("Idempotent-Replayed"));
        // The same key on the same route by another caller is theirs alone, too.
        (await f.As(scene.PartnerStaff).Post($"/api/customers/{scene.Customer}/projects", new { id = "shop", name = "Shop" }, key)).Is(201);
        Assert.Equal(4, (await AccountRows.WithPrefix(f, scene.Customer, AccountPartition.Idempotency.Prefix)).Count);
    }

    [Fact]
    public async Task AStoredAnswer_IsNotReplayedToACallerWhoLostAccess()
    {
        var scene = await TenantScene.Build(f, op, MemberRole.PartnerAdmin);
        await Seed.Member(f, scene.Partner, TestUser.New("pa2"), MemberRole.PartnerAdmin);
        var key = Key(Guid.NewGuid().ToString());
        var path = $"/api/customers/{scene.Customer}/projects";
        (await f.As(scene.PartnerStaff).Post(path, new { id = "kept", name = "Kept" }, key)).Is(201);

        // Authorization runs before the replay: once out of the partner, the key answers what any stranger gets.
        (await f.As(op).Delete($"/api/customers/{scene.Partner}/members/{scene.PartnerStaff.Id}")).Is(204);
        var replay = await f.As(scene.PartnerStaff).Post(path, new { id = "kept", name = "Kept" }, key);
        Assert.Equal(404, replay.Status);
        Assert.False(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.DoesNotContain("\"kept\"", replay.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyReplaysFor24Hours_ThenRunsTheCommandAnew_ReplacingItsRecord()
    {
        var (customer, _) = await Seed.CustomerWithAdmin(f, op);
        var key = Key(Guid.NewGuid().ToString());
        var path = $"/api/customers/{customer}/messages";
        var body = new { subject = "Maintenance", body = "Tonight", mode = "allMustRead" };
        var first = (await f.As(op).Post(path, body, key)).Is(201).Str("id");

        f.Time.Advance(TimeSpan.FromHours(23));
        var replay = (await f.As(op).Post(path, body, key)).Is(201);
        Assert.Equal(first, replay.Str("id"));
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));

        f.Time.Advance(TimeSpan.FromHours(1));
        var anew = (await f.As(op).Post(path, body, key)).Is(201);
        Assert.NotEqual(first, anew.Str("id"));
        Assert.False(anew.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, (await f.As(op).Get(path)).Is(200).Json.GetProperty("items").GetArrayLength());
        var record = Assert.Single(await AccountRows.WithPrefix(f, customer, AccountPartition.Idempotency.Prefix));
        Assert.Equal(f.Time.GetUtcNow(), record.GetDateTimeOffset("CreatedAt"));
        Assert.Equal(anew.Str("id"), (await f.As(op).Post(path, body, key)).Is(201).Str("id"));
    }

    [Fact]
    public async Task StoredAnswers_HoldNoToken_YetReplayIt()
    {
        var scene = await TenantScene.Build(f, op, MemberRole.PartnerAdmin);
        (await f.As(op).Put("/api/settings", new { invitationLinks = true })).Is(200);
        var key = Key(Guid.NewGuid().ToString());
        var staff = f.As(scene.PartnerStaff);

        var impersonation = $"/api/customers/{scene.Customer}/impersonation";
        var token = (await staff.Post(impersonation, new { reason = "Ticket 7" }, key)).Is(200).Str("token");
        Assert.Equal(token, (await staff.Post(impersonation, new { reason = "Ticket 7" }, key)).Is(200).Str("token"));

        var links = $"/api/partners/{scene.Partner}/invitation-links";
        var linkBody = new { expiresAt = f.Time.GetUtcNow().AddDays(7) };
        var link = (await staff.Post(links, linkBody, key)).Is(201);
        var url = link.Str("url");
        Assert.Equal(url, (await staff.Post(links, linkBody, key)).Is(201).Str("url"));

        var secrets = new[] { token, token.Split('.')[2], url, url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..] };
        var rows = (await AccountRows.WithPrefix(f, scene.Customer, AccountPartition.Idempotency.Prefix))
            .Concat(await AccountRows.WithPrefix(f, scene.Partner, AccountPartition.Idempotency.Prefix)).ToList();
        Assert.Equal(2, rows.Count);
        foreach (var value in rows.SelectMany(r => ((IDictionary<string, object>)r).Values).Select(v => v?.ToString() ?? ""))
        {
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, value, StringComparison.Ordinal));
        }
    }
}
