using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Settings;

public sealed class ChangingOperatorSettings(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task Operator_ChangesSettings_AndTheAuditNamesWhoWhenAndOldAndNewValues()
    {
        var before = (await f.As(op).Get("/api/settings")).Is(200);
        var oldGrace = before.Json.GetProperty("deletionGraceDays").GetInt32();
        var oldMode = before.Str("selfRegistration");
        var newMode = oldMode == "open" ? "approvalRequired" : "open";

        var put = (await f.As(op).Put("/api/settings", new { selfRegistration = newMode, invitationLinks = true, deletionGraceDays = oldGrace + 1 })).Is(200);
        Assert.Equal(newMode, put.Str("selfRegistration"));
        Assert.True(put.Json.GetProperty("invitationLinks").GetBoolean());
        Assert.Equal(op.Id, put.Str("updatedBy"));
        Assert.NotNull(put.ETag);

        var read = (await f.As(op).Get("/api/settings")).Is(200);
        Assert.Equal(newMode, read.Str("selfRegistration"));
        Assert.Equal(oldGrace + 1, read.Json.GetProperty("deletionGraceDays").GetInt32());
        Assert.Equal(put.ETag, read.ETag);

        var newest = (await f.As(op).Get("/api/settings/audit")).Is(200).Json.GetProperty("items")[0];
        Assert.Equal(op.Id, newest.GetProperty("userId").GetString());
        Assert.Equal(f.Time.GetUtcNow(), newest.GetProperty("at").GetDateTimeOffset());
        var changes = newest.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!);
        Assert.Equal(oldMode, changes["selfRegistration"].GetProperty("from").GetString());
        Assert.Equal(newMode, changes["selfRegistration"].GetProperty("to").GetString());
        Assert.Equal(oldGrace, changes["deletionGraceDays"].GetProperty("from").GetInt32());
        Assert.Equal(oldGrace + 1, changes["deletionGraceDays"].GetProperty("to").GetInt32());
    }

    [Fact]
    public async Task FieldsLeftOut_KeepTheirValue_AndAnUnchangedPutIsNotAudited()
    {
        (await f.As(op).Put("/api/settings", new { selfRegistration = "open", invitationLinks = false, deletionGraceDays = 10 })).Is(200);
        var count = await AuditCount();

        var put = (await f.As(op).Put("/api/settings", new { invitationLinks = true })).Is(200);
        Assert.Equal("open", put.Str("selfRegistration"));
        Assert.Equal(10, put.Json.GetProperty("deletionGraceDays").GetInt32());
        Assert.Equal(count + 1, await AuditCount());

        (await f.As(op).Put("/api/settings", new { invitationLinks = true, deletionGraceDays = 10 })).Is(200);
        Assert.Equal(count + 1, await AuditCount());
    }

    [Fact]
    public async Task NonOperators_Get403_ForEverySettingsRoute()
    {
        var user = TestUser.New("plain");
        (await f.As(user).Get("/api/settings")).IsProblem(403);
        (await f.As(user).Put("/api/settings", new { selfRegistration = "open" })).IsProblem(403);
        (await f.As(user).Get("/api/settings/audit")).IsProblem(403);
        (await f.Anonymous.Get("/api/settings")).IsProblem(401);
    }

    [Fact]
    public async Task StaleIfMatch_Is412_AndChangesNothing_CurrentIfMatchWorks()
    {
        var first = (await f.As(op).Put("/api/settings", new { deletionGraceDays = 20 })).Is(200);
        (await f.As(op).Put("/api/settings", new { deletionGraceDays = 21 })).Is(200);

        (await f.As(op).Put("/api/settings", new { deletionGraceDays = 30 }, new Dictionary<string, string> { ["If-Match"] = first.ETag! })).IsProblem(412);
        var current = (await f.As(op).Get("/api/settings")).Is(200);
        Assert.Equal(21, current.Json.GetProperty("deletionGraceDays").GetInt32());

        (await f.As(op).Put("/api/settings", new { deletionGraceDays = 30 }, new Dictionary<string, string> { ["If-Match"] = current.ETag! })).Is(200);
    }

    [Theory]
    [InlineData("""{"deletionGraceDays": 366}""", "deletionGraceDays")]
    [InlineData("""{"deletionGraceDays": -1}""", "deletionGraceDays")]
    [InlineData("""{"selfRegistration": "sometimes"}""", "selfRegistration")]
    [InlineData("""{"invitationLinks": "yes"}""", "invitationLinks")]
    [InlineData("""{"colour": "red"}""", "colour")]
    public async Task BadValues_Are400_NamingTheField(string json, string field)
    {
        var reply = (await f.As(op).SendRaw(HttpMethod.Put, "/api/settings", json)).IsProblem(400);
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty(field, out _), reply.Text);
    }

    [Fact]
    public async Task ParallelChanges_AreEachAuditedOnce_InAnUnbrokenChain()
    {
        (await f.As(op).Put("/api/settings", new { deletionGraceDays = 100 })).Is(200);
        var days = Enumerable.Range(101, 10).ToList();
        var replies = await Task.WhenAll(days.Select(d => f.As(op).Put("/api/settings", new { deletionGraceDays = d })));
        // Under heavy contention the dispatcher may give up on a request (503); such a request changes nothing.
        Assert.All(replies, r => Assert.True(r.Status is 200 or 503, r.Text));
        Assert.Contains(replies, r => r.Status == 200);

        // Newest first: each change starts where the one before it ended, so none was lost or applied on stale state.
        var graceChanges = (await AllAudit())
            .Select(e => e.GetProperty("changes").EnumerateArray().FirstOrDefault(c => c.GetProperty("field").GetString() == "deletionGraceDays"))
            .Where(c => c.ValueKind != System.Text.Json.JsonValueKind.Undefined)
            .Reverse().ToList();
        for (var i = 1; i < graceChanges.Count; i++)
        {
            Assert.Equal(graceChanges[i - 1].GetProperty("to").GetInt32(), graceChanges[i].GetProperty("from").GetInt32());
        }
        var tos = graceChanges.Select(c => c.GetProperty("to").GetInt32()).ToList();
        for (var i = 0; i < days.Count; i++)
        {
            Assert.Equal(replies[i].Status == 200 ? 1 : 0, tos.Count(t => t == days[i]));
        }
    }

    [Fact]
    public async Task Audit_IsPaged_WithContinuationTokens()
    {
        (await f.As(op).Put("/api/settings", new { deletionGraceDays = 50 })).Is(200);
        (await f.As(op).Put("/api/settings", new { deletionGraceDays = 51 })).Is(200);
        var first = (await f.As(op).Get("/api/settings/audit?pageSize=1")).Is(200);
        Assert.Equal(1, first.Json.GetProperty("items").GetArrayLength());
        var token = first.Str("continuationToken");
        var second = (await f.As(op).Get("/api/settings/audit?pageSize=1&continuationToken=" + Uri.EscapeDataString(token))).Is(200);
        Assert.NotEqual(first.Json.GetProperty("items")[0].GetProperty("id").GetString(), second.Json.GetProperty("items")[0].GetProperty("id").GetString());
        (await f.As(op).Get("/api/settings/audit?pageSize=1&continuationToken=x" + Uri.EscapeDataString(token))).IsProblem(400);
    }

    private async Task<int> AuditCount() => (await AllAudit()).Count;

    private async Task<List<System.Text.Json.JsonElement>> AllAudit()
    {
        var all = new List<System.Text.Json.JsonElement>();
        string? token = null;
        do
        {
            var page = (await f.As(op).Get("/api/settings/audit?pageSize=200" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)))).Is(200).Json;
            all.AddRange(page.GetProperty("items").EnumerateArray());
            token = page.TryGetProperty("continuationToken", out var t) ? t.GetString() : null;
        }
        while (token is not null);
        return all;
    }
}
