using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Customers;

public sealed class UpdatingCustomers(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task OperatorPatch_ChangesOnlyTheGivenFields_ReturnsANewETag_AndRecordsWhatChanged()
    {
        var id = await Customer(new { name = "Acme", companyEmail = "it@acme.test", firstName = "Ada", seller = "sam" });
        var before = (await f.As(op).Get($"/api/customers/{id}")).Is(200);

        f.Time.Advance(TimeSpan.FromMinutes(1));
        var patched = (await f.As(op).Patch($"/api/customers/{id}", new { name = "Acme Ltd", language = "de", firstName = "Ada" })).Is(200);
        Assert.Equal("Acme Ltd", patched.Str("name"));
        Assert.Equal("de", patched.Str("language"));
        Assert.Equal("it@acme.test", patched.Str("companyEmail"));
        Assert.Equal("sam", patched.Str("seller"));
        Assert.NotNull(patched.ETag);
        Assert.NotEqual(before.ETag, patched.ETag);
        Assert.Equal(f.Time.GetUtcNow(), patched.Json.GetProperty("updatedAt").GetDateTimeOffset());

        var read = (await f.As(op).Get($"/api/customers/{id}")).Is(200);
        Assert.Equal("Acme Ltd", read.Str("name"));
        Assert.Equal(patched.ETag, read.ETag);

        var latest = (await f.As(op).Get($"/api/customers/{id}/history")).Is(200).Json.GetProperty("items")[0];
        Assert.Equal("CUSTOMER_UPDATED", latest.GetProperty("type").GetString());
        Assert.Equal(op.Id, latest.GetProperty("actor").GetProperty("userId").GetString());
        var changes = latest.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!);
        Assert.Equal(["language", "name"], changes.Keys.Order());
        Assert.Equal("Acme", changes["name"].GetProperty("from").GetString());
        Assert.Equal("Acme Ltd", changes["name"].GetProperty("to").GetString());
        Assert.Equal("en", changes["language"].GetProperty("from").GetString());
    }

    [Fact]
    public async Task ExplicitNull_ClearsAnOptionalField_AbsentFieldsStay()
    {
        var id = await Customer(new { name = "Acme", companyEmail = "it@acme.test", customId = "C-1", lastName = "Lovelace" });
        var patched = (await f.As(op).SendRaw(HttpMethod.Patch, $"/api/customers/{id}", """{ "customId": null, "lastName": "Byron" }""")).Is(200);
        Assert.False(patched.Json.TryGetProperty("customId", out _));
        Assert.Equal("Byron", patched.Str("lastName"));
        Assert.Equal("it@acme.test", patched.Str("companyEmail"));

        var change = (await f.As(op).Get($"/api/customers/{id}/history?type=CUSTOMER_UPDATED")).Is(200)
            .Json.GetProperty("items")[0].GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "customId");
        Assert.Equal("C-1", change.GetProperty("from").GetString());
        Assert.Equal(JsonValueKind.Null, change.GetProperty("to").ValueKind);
    }

    [Fact]
    public async Task APatchThatChangesNothing_Is200_KeepsTheETag_AndRecordsNoEvent()
    {
        var id = await Customer(new { name = "Same" });
        var before = (await f.As(op).Get($"/api/customers/{id}")).Is(200);

        var reply = (await f.As(op).Patch($"/api/customers/{id}", new { name = "Same", language = "en" })).Is(200);
        Assert.Equal(before.ETag, reply.ETag);
        (await f.As(op).Patch($"/api/customers/{id}", new { })).Is(200);

        var history = (await f.As(op).Get($"/api/customers/{id}/history")).Is(200).Json.GetProperty("items");
        Assert.Equal(["CUSTOMER_CREATED"], history.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task IfMatch_CurrentETagSucceeds_StaleETagIs412_AndChangesNothing()
    {
        var id = await Customer(new { name = "Versioned" });
        var stale = (await f.As(op).Get($"/api/customers/{id}")).ETag!;
        var first = (await f.As(op).Patch($"/api/customers/{id}", new { name = "Second" }, IfMatch(stale))).Is(200);

        (await f.As(op).Patch($"/api/customers/{id}", new { name = "Lost update" }, IfMatch(stale))).IsProblem(412, "precondition-failed");
        (await f.As(op).Put($"/api/customers/{id}/quota", new { projects = 3 }, IfMatch(stale))).IsProblem(412);
        (await f.As(op).Put($"/api/customers/{id}/status", new { status = "disabled" }, IfMatch(stale))).IsProblem(412);
        var read = (await f.As(op).Get($"/api/customers/{id}")).Is(200);
        Assert.Equal("Second", read.Str("name"));
        Assert.Equal(10, read.Json.GetProperty("projectQuota").GetInt32());
        Assert.Equal("active", read.Str("status"));

        (await f.As(op).Patch($"/api/customers/{id}", new { name = "Third" }, IfMatch(first.ETag!))).Is(200);
    }

    [Fact]
    public async Task ParallelPatchesWithTheSameETag_ExactlyOneWins()
    {
        var id = await Customer(new { name = "Contended" });
        var etag = (await f.As(op).Get($"/api/customers/{id}")).ETag!;

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => f.As(op).Patch($"/api/customers/{id}", new { name = $"Writer {i}" }, IfMatch(etag))));

        Assert.Single(replies, r => r.Status == 200);
        Assert.All(replies.Where(r => r.Status != 200), r => r.IsProblem(412));
        var winner = replies.Single(r => r.Status == 200).Str("name");
        Assert.Equal(winner, (await f.As(op).Get($"/api/customers/{id}")).Str("name"));
        var updates = (await f.As(op).Get($"/api/customers/{id}/history?type=CUSTOMER_UPDATED")).Is(200).Json.GetProperty("items");
        Assert.Equal(1, updates.GetArrayLength());
    }

    [Fact]
    public async Task ChangingTheId_Is400_AndSoAreUnknownFieldsAndBadValues()
    {
        var id = await Customer(new { name = "Fixed" });
        var reply = (await f.As(op).Patch($"/api/customers/{id}", new { id = "another-id" })).IsProblem(400, "validation");
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty("id", out _));
        (await f.As(op).Patch($"/api/customers/{id}", new { id, name = "Same id still" })).IsProblem(400);

        await AssertFieldRejected(id, """{ "colour": "red" }""", "colour");
        await AssertFieldRejected(id, """{ "name": null }""", "name");
        await AssertFieldRejected(id, """{ "name": "   " }""", "name");
        await AssertFieldRejected(id, """{ "name": 42 }""", "name");
        await AssertFieldRejected(id, """{ "language": "fr" }""", "language");
        await AssertFieldRejected(id, """{ "language": null }""", "language");
        await AssertFieldRejected(id, """{ "companyEmail": "not-an-email" }""", "companyEmail");
        await AssertFieldRejected(id, """{ "isTestAccount": null }""", "isTestAccount");
        await AssertFieldRejected(id, """{ "isTestAccount": "yes" }""", "isTestAccount");
        await AssertFieldRejected(id, $$"""{ "seller": "{{new string('s', 101)}}" }""", "seller");
        (await f.As(op).SendRaw(HttpMethod.Patch, $"/api/customers/{id}", "{ \"name\": ")).IsProblem(400);
        (await f.As(op).SendRaw(HttpMethod.Patch, $"/api/customers/{id}", "[]")).IsProblem(400);
        (await f.As(op).SendRaw(HttpMethod.Patch, $"/api/customers/{id}", null)).IsProblem(400);

        Assert.Equal("Fixed", (await f.As(op).Get($"/api/customers/{id}")).Str("name"));
    }

    [Fact]
    public async Task CustomerAdmin_EditsContactFields_ButNotCustomIdSellerOrTestFlag()
    {
        var partner = await Seed.Partner(f, op);
        var id = await Customer(new { name = "Own", partnerId = partner, customId = "C-7", seller = "sam" });
        var admin = TestUser.New("cadmin");
        await Seed.Member(f, id, admin, MemberRole.CustomerAdmin);

        (await f.As(admin).Patch($"/api/customers/{id}", new { name = "Own GmbH", companyEmail = "hello@own.test" })).Is(200);
        foreach (var (field, value) in new (string, object?)[] { ("customId", "C-8"), ("seller", "eve"), ("isTestAccount", true), ("customId", null) })
        {
            var reply = (await f.As(admin).Patch($"/api/customers/{id}", new Dictionary<string, object?> { ["name"] = "Sneaky", [field] = value })).IsProblem(403);
            Assert.Contains(field, reply.Str("detail"), StringComparison.Ordinal);
        }
        // Sending the current values back (a form that posts everything) is no change, so it is allowed.
        (await f.As(admin).Patch($"/api/customers/{id}", new { customId = "C-7", seller = "sam", isTestAccount = false })).Is(200);

        var read = (await f.As(op).Get($"/api/customers/{id}")).Is(200);
        Assert.Equal("Own GmbH", read.Str("name"));
        Assert.Equal("C-7", read.Str("customId"));
        Assert.Equal("sam", read.Str("seller"));

        var partnerEmployee = TestUser.New("pemp");
        await Seed.Member(f, partner, partnerEmployee, MemberRole.PartnerEmployee);
        var byPartner = (await f.As(partnerEmployee).Patch($"/api/customers/{id}", new { customId = "C-8", seller = "eve", isTestAccount = true })).Is(200);
        Assert.Equal("C-8", byPartner.Str("customId"));
        Assert.True(byPartner.Json.GetProperty("isTestAccount").GetBoolean());
    }

    [Fact]
    public async Task CustomerEmployee_Gets403_ForeignPartnerAndStrangers_Get404()
    {
        var partner = await Seed.Partner(f, op);
        var foreign = await Seed.Partner(f, op);
        var id = await Customer(new { name = "Guarded", partnerId = partner });
        var employee = TestUser.New("cemp");
        await Seed.Member(f, id, employee, MemberRole.CustomerEmployee);
        var stranger = TestUser.New("foreign");
        await Seed.Member(f, foreign, stranger, MemberRole.PartnerAdmin);

        (await f.As(employee).Patch($"/api/customers/{id}", new { name = "Mine now" })).IsProblem(403);
        (await f.As(stranger).Patch($"/api/customers/{id}", new { name = "Mine now" })).IsProblem(404);
        (await f.As(TestUser.New("nobody")).Patch($"/api/customers/{id}", new { name = "Mine now" })).IsProblem(404);
        (await f.As(op).Patch("/api/customers/no-such-account", new { name = "Ghost" })).IsProblem(404);
        (await f.Anonymous.Patch($"/api/customers/{id}", new { name = "Anyone" })).IsProblem(401);
        Assert.Equal("Guarded", (await f.As(op).Get($"/api/customers/{id}")).Str("name"));
    }

    [Fact]
    public async Task Renaming_UpdatesTheMembersMembershipIndexRows()
    {
        var id = await Customer(new { name = "Before" });
        var admin = TestUser.New("cadmin");
        await Seed.Member(f, id, admin, MemberRole.CustomerAdmin);
        Assert.Equal("Before", await MembershipName(admin, id));

        (await f.As(admin).Patch($"/api/customers/{id}", new { name = "After" })).Is(200);
        Assert.Equal("After", await MembershipName(admin, id));
    }

    private async Task<string?> MembershipName(TestUser user, string accountId)
    {
        var row = await f.StorageClients.Index.GetEntityIfExistsAsync<TableEntity>(IndexTable.UserMemberships(user.Id), accountId);
        return row.HasValue ? row.Value!.GetString("AccountName") : null;
    }

    private async Task AssertFieldRejected(string id, string json, string field)
    {
        var reply = (await f.As(op).SendRaw(HttpMethod.Patch, $"/api/customers/{id}", json)).IsProblem(400);
        Assert.True(reply.Json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{json}: {reply.Text}");
    }

    private async Task<string> Customer(object fields)
    {
        var id = Ids.Account("cust");
        var body = JsonSerializer.SerializeToNode(fields)!.AsObject();
        body["id"] = id;
        (await f.As(op).Post("/api/customers", body.ToJsonString())).Is(201);
        return id;
    }

    private static Dictionary<string, string> IfMatch(string etag) => new() { ["If-Match"] = etag };
}
