using System.Text.Json;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Impersonation;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Products;

public sealed class CustomerProductTests(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task ANewCustomer_SeesEveryProductHiddenNotActivatedAndInherited()
    {
        var (_, customer, product) = await SetUpAsync();
        var item = await ProductOf(op, customer, product);
        Assert.False(item.GetProperty("visible").GetBoolean());
        Assert.Equal("inherited", item.GetProperty("visibilitySource").GetString());
        Assert.Equal("notActivated", item.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CustomersInheritThePartnersGlobalVisibility_UntilTheyHaveTheirOwn()
    {
        var (partner, customer, product) = await SetUpAsync();
        var other = await Seed.Customer(f, op, partner);
        var partnerEmployee = TestUser.New("pemp");
        await Seed.Member(f, partner, partnerEmployee, MemberRole.PartnerEmployee);

        (await f.As(partnerEmployee).Put($"/api/partners/{partner}/products/{product}", new { visible = true })).Is(200);
        Assert.True((await ProductOf(op, customer, product)).GetProperty("visible").GetBoolean());

        // The customer gets its own (custom) visibility: from then on the partner's changes do not touch it.
        var custom = (await f.As(op).Put($"/api/customers/{customer}/products/{product}", new { visible = true })).Is(200).Json;
        Assert.Equal("custom", custom.GetProperty("visibilitySource").GetString());
        (await f.As(partnerEmployee).Put($"/api/partners/{partner}/products/{product}", new { visible = false })).Is(200);
        var mine = await ProductOf(op, customer, product);
        Assert.True(mine.GetProperty("visible").GetBoolean());
        Assert.Equal("custom", mine.GetProperty("visibilitySource").GetString());
        Assert.False((await ProductOf(op, other, product)).GetProperty("visible").GetBoolean());

        // null returns to inheriting.
        (await f.As(op).Put($"/api/customers/{customer}/products/{product}", new { visible = (bool?)null })).Is(200);
        var inherited = await ProductOf(op, customer, product);
        Assert.False(inherited.GetProperty("visible").GetBoolean());
        Assert.Equal("inherited", inherited.GetProperty("visibilitySource").GetString());

        var global = (await f.As(partnerEmployee).Get($"/api/partners/{partner}/products")).Is(200).Json.GetProperty("items");
        Assert.Contains(global.EnumerateArray(), p => p.GetProperty("id").GetString() == product && !p.GetProperty("visible").GetBoolean());
    }

    [Fact]
    public async Task MakingAProductVisible_DoesNotActivateIt()
    {
        var (_, customer, product) = await SetUpAsync();
        var reply = (await f.As(op).Put($"/api/customers/{customer}/products/{product}", new { visible = true })).Is(200).Json;
        Assert.Equal("notActivated", reply.GetProperty("status").GetString());
        Assert.Equal("preparation", (await f.As(op).Get($"/api/customers/{customer}")).Str("stage"));
    }

    [Fact]
    public async Task TheAccountStage_FollowsItsProductStatuses()
    {
        var (partner, customer, first) = await SetUpAsync();
        var second = await NewProductAsync();
        var partnerAdmin = TestUser.New("padmin");
        await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);
        async Task<string> Set(string product, string status)
        {
            (await f.As(partnerAdmin).Put($"/api/customers/{customer}/products/{product}", new { status })).Is(200);
            return (await f.As(partnerAdmin).Get($"/api/customers/{customer}")).Is(200).Str("stage");
        }

        Assert.Equal("trial", await Set(first, "trial"));
        Assert.Equal("active", await Set(second, "active"));
        Assert.Equal("trial", await Set(second, "paused"));
        Assert.Equal("trialEnd", await Set(first, "trialEnd"));
        Assert.Equal("trialEnd", await Set(second, "deleted"));
        await Set(second, "notActivated");
        Assert.Equal("preparation", await Set(first, "notActivated"));
        Assert.Equal("active", await Set(first, "active"));
    }

    [Fact]
    public async Task AChange_RecordsProductChanged_WithItsChanges()
    {
        var (_, customer, product) = await SetUpAsync();
        (await f.As(op).Put($"/api/customers/{customer}/products/{product}", new { visible = false, status = "trial" })).Is(200);

        var change = Assert.Single(await HistoryRows.Of(f, customer, "PRODUCT_CHANGED"));
        Assert.Equal(op.Id, change.Actor.UserId);
        Assert.Equal(product, change.Details!.Value.GetProperty("productId").GetString());
        Assert.Contains(change.Changes!, c => c.Field == "status" && c.From?.ToString() == "notActivated" && c.To?.ToString() == "trial");
        Assert.Contains(change.Changes!, c => c.Field == "stage" && c.From?.ToString() == "preparation" && c.To?.ToString() == "trial");
        Assert.Contains(change.Changes!, c => c.Field == "visible");

        // The same values again change nothing and record nothing.
        (await f.As(op).Put($"/api/customers/{customer}/products/{product}", new { visible = false, status = "trial" })).Is(200);
        Assert.Single(await HistoryRows.Of(f, customer, "PRODUCT_CHANGED"));
    }

    [Fact]
    public async Task ParallelStatusChanges_AllLand_AndTheStageMatchesThem()
    {
        var (_, customer, _) = await SetUpAsync();
        var products = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => NewProductAsync()));
        var replies = await Task.WhenAll(products.Select(p => f.As(op).Put($"/api/customers/{customer}/products/{p}", new { status = "trial" })));
        Assert.All(replies, r => r.Is(200));
        var items = (await f.As(op).Get($"/api/customers/{customer}/products")).Is(200).Json.GetProperty("items");
        Assert.All(products, p => Assert.Contains(items.EnumerateArray(), i => i.GetProperty("id").GetString() == p && i.GetProperty("status").GetString() == "trial"));
        Assert.Equal("trial", (await f.As(op).Get($"/api/customers/{customer}")).Str("stage"));
        Assert.Equal(8, (await HistoryRows.Of(f, customer, "PRODUCT_CHANGED")).Count);
    }

    [Fact]
    public async Task MembersReadTheirProducts_ButOnlyManagersChangeThem()
    {
        var (_, customer, product) = await SetUpAsync();
        var admin = TestUser.New("cadmin");
        var employee = TestUser.New("cemp");
        await Seed.Member(f, customer, admin, MemberRole.CustomerAdmin);
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);

        (await f.As(employee).Get($"/api/customers/{customer}/products")).Is(200);
        (await f.As(admin).Put($"/api/customers/{customer}/products/{product}", new { status = "active" })).IsProblem(403);
        (await f.As(employee).Put($"/api/customers/{customer}/products/{product}", new { visible = true })).IsProblem(403);
    }

    [Fact]
    public async Task AForeignPartner_Gets404_ForTheCustomerAndForThePartner()
    {
        var (partner, customer, product) = await SetUpAsync();
        var foreign = await Seed.Partner(f, op);
        var stranger = TestUser.New("foreign");
        await Seed.Member(f, foreign, stranger, MemberRole.PartnerAdmin);

        (await f.As(stranger).Get($"/api/customers/{customer}/products")).IsProblem(404);
        (await f.As(stranger).Put($"/api/customers/{customer}/products/{product}", new { status = "active" })).IsProblem(404);
        (await f.As(stranger).Put($"/api/partners/{partner}/products/{product}", new { visible = true })).IsProblem(404);
        (await f.As(stranger).Get($"/api/partners/{partner}/products")).IsProblem(404);
        // A customer account is not a partner, whoever asks.
        (await f.As(op).Put($"/api/partners/{customer}/products/{product}", new { visible = true })).IsProblem(404);
    }

    [Fact]
    public async Task BadBodies_Are400_AndUnknownProducts404()
    {
        var (partner, customer, product) = await SetUpAsync();
        var path = $"/api/customers/{customer}/products/{product}";
        (await f.As(op).Put(path, new { })).IsProblem(400, "validation");
        (await f.As(op).Put(path, new { status = "running" })).IsProblem(400);
        (await f.As(op).Put(path, new { visible = "yes" })).IsProblem(400);
        (await f.As(op).Put(path, new { visible = true, colour = "red" })).IsProblem(400);
        (await f.As(op).Put($"/api/partners/{partner}/products/{product}", new { })).IsProblem(400);
        (await f.As(op).Put($"/api/partners/{partner}/products/{product}", new { visible = (bool?)null })).IsProblem(400);
        (await f.As(op).Put($"/api/customers/{customer}/products/no-such-product", new { status = "trial" })).IsProblem(404);
        (await f.As(op).Put($"/api/partners/{partner}/products/no-such-product", new { visible = true })).IsProblem(404);
    }

    private async Task<(string Partner, string Customer, string Product)> SetUpAsync()
    {
        var partner = await Seed.Partner(f, op);
        var customer = await Seed.Customer(f, op, partner);
        return (partner, customer, await NewProductAsync());
    }

    private async Task<string> NewProductAsync()
    {
        var id = Ids.Account("prod");
        (await f.As(op).Put($"/api/products/{id}", new { name = "Product " + id })).Is(201);
        return id;
    }

    private async Task<JsonElement> ProductOf(TestUser user, string customer, string product)
    {
        var items = (await f.As(user).Get($"/api/customers/{customer}/products")).Is(200).Json.GetProperty("items");
        return items.EnumerateArray().Single(i => i.GetProperty("id").GetString() == product);
    }
}
