using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Customers;

public sealed class CreatingCustomers(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task OperatorCreatesCustomer_AndReadsItBackWithETag()
    {
        var id = Ids.Account();
        var created = (await f.As(op).Post("/api/customers", new { id, name = "Acme", companyEmail = "it@acme.test", language = "de", projectQuota = 3 })).Is(201);
        Assert.Equal($"/api/customers/{id}", created.Location);
        Assert.Equal(id, created.Str("id"));
        Assert.Equal("customer", created.Str("kind"));
        Assert.Equal("active", created.Str("status"));
        Assert.Equal("preparation", created.Str("stage"));
        Assert.Equal(3, created.Json.GetProperty("projectQuota").GetInt32());

        var read = (await f.As(op).Get($"/api/customers/{id}")).Is(200);
        Assert.Equal("Acme", read.Str("name"));
        Assert.Equal("de", read.Str("language"));
        Assert.NotNull(read.ETag);
    }

    [Fact]
    public async Task DuplicateIdentifier_Is409_AndChangesNothing()
    {
        var id = Ids.Account();
        (await f.As(op).Post("/api/customers", new { id, name = "First" })).Is(201);
        (await f.As(op).Post("/api/customers", new { id, name = "Second" })).IsProblem(409, "identifier-taken");
        Assert.Equal("First", (await f.As(op).Get($"/api/customers/{id}")).Str("name"));
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("a")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("has space")]
    [InlineData("has/slash")]
    [InlineData("under_score")]
    public async Task BadIdentifier_Is400_NamingTheField(string id)
    {
        var reply = (await f.As(op).Post("/api/customers", new { id, name = "X" })).IsProblem(400, "validation");
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task UnknownField_Is400()
    {
        var reply = (await f.As(op).Post("/api/customers", new { id = Ids.Account(), name = "X", colour = "red" })).IsProblem(400);
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty("colour", out _));
    }

    [Fact]
    public async Task WrongType_AndMalformedJson_Are400()
    {
        (await f.As(op).Post("/api/customers", new { id = Ids.Account(), name = "X", projectQuota = "many" })).IsProblem(400);
        (await f.As(op).SendRaw(HttpMethod.Post, "/api/customers", "{\"id\": ")).IsProblem(400);
        (await f.As(op).SendRaw(HttpMethod.Post, "/api/customers", "[1,2]")).IsProblem(400);
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var huge = new string('x', (1 << 20) + 10);
        (await f.As(op).Post("/api/customers", new { id = Ids.Account(), name = huge })).IsProblem(413);
    }

    [Fact]
    public async Task PartnerMember_CreatesCustomerForOwnPartner()
    {
        var partner = await Seed.Partner(f, op);
        var employee = TestUser.New("pemp");
        await Seed.Member(f, partner, employee, MemberRole.PartnerEmployee);

        var id = Ids.Account();
        var created = (await f.As(employee).Post("/api/customers", new { id, name = "Managed" })).Is(201);
        Assert.Equal(partner, created.Str("partnerId"));
        (await f.As(employee).Get($"/api/customers/{id}")).Is(200);
    }

    [Fact]
    public async Task PartnerMember_CannotCreatePartnerAccounts_NorCustomersOfAnotherPartner()
    {
        var partner = await Seed.Partner(f, op);
        var other = await Seed.Partner(f, op);
        var admin = TestUser.New("padmin");
        await Seed.Member(f, partner, admin, MemberRole.PartnerAdmin);

        (await f.As(admin).Post("/api/customers", new { id = Ids.Account(), name = "P", kind = "partner" })).IsProblem(403);
        (await f.As(admin).Post("/api/customers", new { id = Ids.Account(), name = "C", partnerId = other })).IsProblem(403);
    }

    [Fact]
    public async Task UserWithoutPartner_CannotCreate()
    {
        (await f.As(TestUser.New("nobody")).Post("/api/customers", new { id = Ids.Account(), name = "X" })).IsProblem(403);
    }

    [Fact]
    public async Task ForeignPartner_Gets404_ForAccountsItDoesNotManage()
    {
        var partner = await Seed.Partner(f, op);
        var foreign = await Seed.Partner(f, op);
        var stranger = TestUser.New("foreign");
        await Seed.Member(f, foreign, stranger, MemberRole.PartnerAdmin);
        var customer = await Seed.Customer(f, op, partner);

        (await f.As(stranger).Get($"/api/customers/{customer}")).IsProblem(404);
        (await f.As(stranger).Get("/api/customers/does-not-exist")).IsProblem(404);
    }

    [Fact]
    public async Task SamePostWithIdempotencyKey_ReplaysTheFirstAnswer_DifferentBodyIs422()
    {
        var id = Ids.Account();
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var first = (await f.As(op).Post("/api/customers", new { id, name = "Once" }, headers)).Is(201);
        var second = (await f.As(op).Post("/api/customers", new { id, name = "Once" }, headers)).Is(201);
        Assert.Equal(first.Json.GetProperty("createdAt").GetString(), second.Json.GetProperty("createdAt").GetString());
        Assert.Equal(first.Location, second.Location);
        (await f.As(op).Post("/api/customers", new { id, name = "Changed" }, headers)).IsProblem(422);
    }
}
