using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Customers;

public sealed class ListingCustomers(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task PagingSevenCustomersByThree_VisitsEachOnce_AndTheLastPageHasNoToken()
    {
        var partner = await Seed.Partner(f, op);
        var created = new HashSet<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await Seed.Customer(f, op, partner));
        }

        var seen = new List<string>();
        var pageSizes = new List<int>();
        string? token = null;
        do
        {
            var path = $"/api/customers?partnerId={partner}&pageSize=3" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = (await f.As(op).Get(path)).Is(200);
            var ids = Ids(page);
            pageSizes.Add(ids.Count);
            seen.AddRange(ids);
            token = page.Json.TryGetProperty("continuationToken", out var t) ? t.GetString() : null;
        }
        while (token is not null && pageSizes.Count < 10);

        Assert.Equal([3, 3, 1], pageSizes);
        Assert.Equal(created.Order(), seen.Order());
    }

    [Fact]
    public async Task PartnerMember_SeesOnlyTheirPartnersCustomers_AndIsRefusedAnotherPartner()
    {
        var partner = await Seed.Partner(f, op);
        var other = await Seed.Partner(f, op);
        var employee = TestUser.New("pemp");
        await Seed.Member(f, partner, employee, MemberRole.PartnerEmployee);
        var mine = await Seed.Customer(f, op, partner);
        var theirs = await Seed.Customer(f, op, other);

        var own = (await f.As(employee).Get("/api/customers")).Is(200);
        Assert.Equal([mine], Ids(own));
        var named = (await f.As(employee).Get($"/api/customers?partnerId={partner}")).Is(200);
        Assert.Equal([mine], Ids(named));
        Assert.DoesNotContain(theirs, Ids(named));

        (await f.As(employee).Get($"/api/customers?partnerId={other}")).IsProblem(403);
        (await f.As(employee).Get("/api/customers?partnerId=no-such-partner")).IsProblem(403);
    }

    [Fact]
    public async Task CustomerMembers_AndUsersWithoutAccounts_Get403()
    {
        var customer = await Seed.Customer(f, op);
        var admin = TestUser.New("cadmin");
        await Seed.Member(f, customer, admin, MemberRole.CustomerAdmin);

        (await f.As(admin).Get("/api/customers")).IsProblem(403);
        (await f.As(TestUser.New("nobody")).Get("/api/customers")).IsProblem(403);
        (await f.Anonymous.Get("/api/customers")).IsProblem(401);
    }

    [Fact]
    public async Task OperatorListsEveryAccount_WithAndWithoutPartner()
    {
        var prefix = Prefix();
        var partner = await Seed.Partner(f, op, prefix + "-partner");
        var managed = await Seed.Customer(f, op, partner, prefix + "-managed");
        var direct = await Seed.Customer(f, op, id: prefix + "-direct");

        var all = (await f.As(op).Get($"/api/customers?search={prefix}")).Is(200);
        Assert.Equal(new[] { direct, managed, partner }.Order(), Ids(all).Order());
        var kinds = all.Json.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("kind").GetString());
        Assert.Equal("partner", kinds[partner]);

        var ofPartner = (await f.As(op).Get($"/api/customers?partnerId={partner}")).Is(200);
        Assert.Equal([managed], Ids(ofPartner));
    }

    [Fact]
    public async Task Filters_Status_Seller_AndSearchByNameOrIdPrefix()
    {
        var partner = await Seed.Partner(f, op);
        var anna = await Customer(partner, "Anna Bakery", seller: "anna");
        var bob = await Customer(partner, "Bob's Garage", seller: "bob");
        var zed = await Customer(partner, "zebra crossing", seller: "anna", id: "zz-" + Guid.NewGuid().ToString("N")[..10]);
        (await f.As(op).Put($"/api/customers/{bob}/status", new { status = "disabled" })).Is(200);

        Assert.Equal([bob], Ids((await f.As(op).Get($"/api/customers?partnerId={partner}&status=disabled")).Is(200)));
        Assert.Equal(new[] { anna, zed }.Order(), Ids((await f.As(op).Get($"/api/customers?partnerId={partner}&status=active")).Is(200)).Order());
        Assert.Equal(new[] { anna, zed }.Order(), Ids((await f.As(op).Get($"/api/customers?partnerId={partner}&seller=anna")).Is(200)).Order());
        Assert.Equal([anna], Ids((await f.As(op).Get($"/api/customers?partnerId={partner}&search=ANNA%20b")).Is(200)));
        Assert.Equal([bob], Ids((await f.As(op).Get($"/api/customers?partnerId={partner}&search=bob")).Is(200)));
        Assert.Equal([zed], Ids((await f.As(op).Get($"/api/customers?partnerId={partner}&search={zed[..8]}")).Is(200)));
        Assert.Equal([anna], Ids((await f.As(op).Get($"/api/customers?partnerId={partner}&search=bakery")).Is(200)));
        Assert.Empty(Ids((await f.As(op).Get($"/api/customers?partnerId={partner}&seller=anna&status=disabled")).Is(200)));
    }

    [Fact]
    public async Task TestAccounts_AreHiddenByDefault_AndShownOnRequest()
    {
        var partner = await Seed.Partner(f, op);
        var real = await Customer(partner, "Real Customer");
        var test = await Customer(partner, "Test Customer", isTestAccount: true);

        Assert.Equal([real], Ids((await f.As(op).Get($"/api/customers?partnerId={partner}")).Is(200)));
        Assert.Equal([real], Ids((await f.As(op).Get($"/api/customers?partnerId={partner}&testAccounts=exclude")).Is(200)));
        Assert.Equal([test], Ids((await f.As(op).Get($"/api/customers?partnerId={partner}&testAccounts=only")).Is(200)));
        Assert.Equal(new[] { real, test }.Order(), Ids((await f.As(op).Get($"/api/customers?partnerId={partner}&testAccounts=include")).Is(200)).Order());
    }

    [Fact]
    public async Task TheListingFollowsChanges_RenamesAndTestFlags()
    {
        var partner = await Seed.Partner(f, op);
        var id = await Customer(partner, "Old Name");
        (await f.As(op).Patch($"/api/customers/{id}", new { name = "Fresh Name", isTestAccount = true })).Is(200);

        Assert.Empty(Ids((await f.As(op).Get($"/api/customers?partnerId={partner}")).Is(200)));
        var page = (await f.As(op).Get($"/api/customers?partnerId={partner}&testAccounts=only&search=fresh")).Is(200);
        Assert.Equal([id], Ids(page));
        Assert.Equal("Fresh Name", page.Json.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("status=bogus", "status")]
    [InlineData("status=Active", "status")]
    [InlineData("testAccounts=maybe", "testAccounts")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("partnerId=Not_An_Id", "partnerId")]
    [InlineData("search=%20", "search")]
    [InlineData("search=%21%21", "search")]
    [InlineData("sort=nme", "sort")]
    [InlineData("sort=Name", "sort")]
    [InlineData("sort=--name", "sort")]
    [InlineData("stage=trial,bogus", "stage")]
    [InlineData("status=active,", "status")]
    [InlineData("testAccounts=all", "testAccounts")]
    [InlineData("sortBy=name", "sortBy")]
    [InlineData("partner=x", "partner")]
    public async Task BadFilterValuesAndUnknownParameters_Are400_NamingThem(string query, string field)
    {
        var reply = (await f.As(op).Get("/api/customers?" + query)).IsProblem(400);
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty(field, out _), reply.Text);
    }

    [Fact]
    public async Task TamperedToken_TokenFromAnotherQuery_AndAnotherCallersToken_Are400()
    {
        var partner = await Seed.Partner(f, op);
        for (var i = 0; i < 3; i++)
        {
            await Seed.Customer(f, op, partner);
        }
        var first = (await f.As(op).Get($"/api/customers?partnerId={partner}&pageSize=2")).Is(200);
        var token = first.Json.GetProperty("continuationToken").GetString()!;
        (await f.As(op).Get($"/api/customers?partnerId={partner}&pageSize=2&continuationToken={Uri.EscapeDataString(token)}")).Is(200);

        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];
        (await f.As(op).Get($"/api/customers?partnerId={partner}&pageSize=2&continuationToken={Uri.EscapeDataString(tampered)}")).IsProblem(400);
        (await f.As(op).Get($"/api/customers?partnerId={partner}&pageSize=2&continuationToken=garbage")).IsProblem(400);
        (await f.As(op).Get($"/api/customers?partnerId={partner}&status=active&pageSize=2&continuationToken={Uri.EscapeDataString(token)}")).IsProblem(400);
        (await f.As(op).Get($"/api/customers?pageSize=2&continuationToken={Uri.EscapeDataString(token)}")).IsProblem(400);
        (await f.As(TestUser.Operator()).Get($"/api/customers?partnerId={partner}&pageSize=2&continuationToken={Uri.EscapeDataString(token)}")).IsProblem(400);
    }

    private async Task<string> Customer(string partner, string name, string? seller = null, bool isTestAccount = false, string? id = null)
    {
        id ??= Infrastructure.Ids.Account("cust");
        (await f.As(op).Post("/api/customers", new { id, name, partnerId = partner, seller, isTestAccount })).Is(201);
        return id;
    }

    private static string Prefix() => "p" + Guid.NewGuid().ToString("N")[..12];

    private static List<string> Ids(Reply page) =>
        page.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
}
