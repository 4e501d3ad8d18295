using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Products;

public sealed class ProductCatalogTests(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task OperatorCreatesThenRenamesAProduct_AndEveryoneSignedInReadsTheCatalog()
    {
        var id = Ids.Account("prod");
        var created = (await f.As(op).Put($"/api/products/{id}", new { name = "Storage" })).Is(201);
        Assert.Equal($"/api/products/{id}", created.Location);
        Assert.Equal("Storage", created.Str("name"));
        (await f.As(op).Put($"/api/products/{id}", new { name = "Object Storage" })).Is(200);

        var anyone = TestUser.New("reader");
        Assert.Equal("Object Storage", (await f.As(anyone).Get($"/api/products/{id}")).Is(200).Str("name"));
        var list = (await f.As(anyone).Get("/api/products")).Is(200).Json;
        Assert.Contains(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == id && p.GetProperty("name").GetString() == "Object Storage");
    }

    [Fact]
    public async Task OnlyOperatorsWriteTheCatalog_AndAnonymousCallersReadNothing()
    {
        var partner = await Seed.Partner(f, op);
        var partnerAdmin = TestUser.New("padmin");
        await Seed.Member(f, partner, partnerAdmin, Core.Members.MemberRole.PartnerAdmin);
        (await f.As(partnerAdmin).Put($"/api/products/{Ids.Account("prod")}", new { name = "X" })).IsProblem(403);
        (await f.Anonymous.Get("/api/products")).IsProblem(401);
    }

    [Theory]
    [InlineData("Bad_Id")]
    [InlineData("UPPER")]
    [InlineData("x")]
    public async Task ProductIds_FollowTheIdentifierRules(string id)
    {
        var reply = (await f.As(op).Put($"/api/products/{id}", new { name = "X" })).IsProblem(400, "validation");
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty("productId", out _));
    }

    [Fact]
    public async Task BadBodies_Are400_AndUnknownProducts404()
    {
        var id = Ids.Account("prod");
        (await f.As(op).Put($"/api/products/{id}", new { })).IsProblem(400);
        (await f.As(op).Put($"/api/products/{id}", new { name = "  " })).IsProblem(400);
        (await f.As(op).Put($"/api/products/{id}", new { name = "X", price = 3 })).IsProblem(400);
        (await f.As(op).Get($"/api/products/{id}")).IsProblem(404);
    }
}
