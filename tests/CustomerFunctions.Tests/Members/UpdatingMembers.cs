using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Members;

/// <summary>PATCH /api/customers/{id}/members/{userId}: contact name, email and language.</summary>
public sealed class UpdatingMembers(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<(string Customer, TestUser Admin, TestUser Employee, TestUser Other)> Team(string language = "en")
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op, language: language);
        var employee = TestUser.New("emp");
        var other = TestUser.New("other");
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);
        await Seed.Member(f, customer, other, MemberRole.CustomerEmployee);
        return (customer, admin, employee, other);
    }

    private async Task<System.Text.Json.JsonElement> MemberIn(string customer, string userId) =>
        (await f.As(op).Get($"/api/customers/{customer}/members")).Is(200).Json.GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("userId").GetString() == userId);

    [Fact]
    public async Task AnAdminChangesAMembersNameEmailAndLanguage_RecordingEachChange()
    {
        var (customer, admin, employee, _) = await Team();
        var updated = (await f.As(admin).Patch($"/api/customers/{customer}/members/{employee.Id}", new { name = "Erin Employee", email = "erin@new.test", language = "de" })).Is(200);
        Assert.Equal("erin@new.test", updated.Str("email"));
        Assert.Equal("de", (await MemberIn(customer, employee.Id)).GetProperty("language").GetString());

        var e = await AccountRows.SingleEvent(f, customer, EventTypes.UserUpdated);
        Assert.Equal(admin.Id, e.Actor.UserId);
        Assert.Equal(employee.Id, e.Detail("userId"));
        var changes = e.Changes!.ToDictionary(c => c.Field, c => (From: c.From?.ToString(), To: c.To?.ToString()));
        Assert.Equal((employee.Name, "Erin Employee"), changes["name"]);
        Assert.Equal((employee.Email, "erin@new.test"), changes["email"]);
        Assert.Equal((null, "de"), changes["language"]);

        // The same values again change nothing and record nothing.
        (await f.As(op).Patch($"/api/customers/{customer}/members/{employee.Id}", new { name = "Erin Employee", language = "de" })).Is(200);
        Assert.Single(await AccountRows.Events(f, customer, EventTypes.UserUpdated));
    }

    [Fact]
    public async Task AMemberChangesTheirOwnNameAndLanguage_ButNotTheirEmailOrRole_NorAnyoneElse()
    {
        var (customer, admin, employee, other) = await Team();
        var me = f.As(employee);
        var path = $"/api/customers/{customer}/members/{employee.Id}";
        (await me.Patch(path, new { name = "Me Myself", language = "de" })).Is(200);
        (await me.Patch(path, new { email = "me@elsewhere.test" })).IsProblem(403);
        (await me.Patch(path, new { name = "Again", role = "customerAdmin" })).IsProblem(403);
        (await me.Patch($"/api/customers/{customer}/members/{other.Id}", new { name = "Renamed you" })).IsProblem(403);
        (await me.Patch($"/api/customers/{customer}/members/{admin.Id}", new { language = "de" })).IsProblem(403);

        var mine = await MemberIn(customer, employee.Id);
        Assert.Equal("Me Myself", mine.GetProperty("name").GetString());
        Assert.Equal(employee.Email, mine.GetProperty("email").GetString());
        Assert.Equal("customerEmployee", mine.GetProperty("role").GetString());
        Assert.Equal(other.Name, (await MemberIn(customer, other.Id)).GetProperty("name").GetString());
        Assert.Single(await AccountRows.Events(f, customer, EventTypes.UserUpdated));
    }

    [Fact]
    public async Task StrangersGet404_AndAnUnknownMember404()
    {
        var (customer, _, employee, _) = await Team();
        var (_, stranger) = await Seed.CustomerWithAdmin(f, op);
        (await f.As(stranger).Patch($"/api/customers/{customer}/members/{employee.Id}", new { name = "X" })).IsProblem(404);
        (await f.As(op).Patch($"/api/customers/{customer}/members/nobody-here", new { name = "X" })).IsProblem(404);
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"  "}""", "name")]
    [InlineData("""{"email":"not-an-address"}""", "email")]
    [InlineData("""{"email":null}""", "email")]
    [InlineData("""{"language":"fr"}""", "language")]
    [InlineData("""{"role":"customerAdmin"}""", "role")]
    public async Task BadBodies_Are400_NamingTheField_AndChangeNothing(string json, string field)
    {
        var (customer, admin, employee, _) = await Team();
        var reply = (await f.As(admin).SendRaw(HttpMethod.Patch, $"/api/customers/{customer}/members/{employee.Id}", json)).IsProblem(400);
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty(field, out _), reply.Text);
        var member = await MemberIn(customer, employee.Id);
        Assert.Equal(employee.Name, member.GetProperty("name").GetString());
        Assert.Equal(employee.Email, member.GetProperty("email").GetString());
        Assert.Empty(await AccountRows.Events(f, customer, EventTypes.UserUpdated));
    }

    [Fact]
    public async Task DeletionNotices_GoInTheAdminsOwnLanguage_ElseTheAccounts()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op, language: "en");
        var second = TestUser.New("second");
        await Seed.Member(f, customer, second, MemberRole.CustomerAdmin);
        (await f.As(op).Patch($"/api/customers/{customer}/members/{second.Id}", new { language = "de" })).Is(200);

        (await f.As(admin).Post($"/api/customers/{customer}/deletion-request", new { reason = "Leaving" })).Is(201);
        Assert.StartsWith("Löschung von", Assert.Single(await f.Mail.WaitFor(second.Email)).Subject, StringComparison.Ordinal);
        Assert.StartsWith("Deletion of", Assert.Single(await f.Mail.WaitFor(admin.Email)).Subject, StringComparison.Ordinal);
    }
}
