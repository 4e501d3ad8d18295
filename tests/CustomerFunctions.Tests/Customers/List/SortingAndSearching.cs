using CustomerFunctions.Core.Customers;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Customers.List;

public sealed class SortingAndSearching(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task EverySort_OrdersAsAsked_ReversesWithAMinus_AndBreaksTiesById()
    {
        var list = await ListScene.Start(f, op);
        // Names differ in case and accents only where the order must ignore them.
        var emil = await list.Customer("Émile Bakery", id: "b-emil-" + Suffix(), seller: "zoe");
        var anna = await list.Customer("anna Garage", id: "c-anna-" + Suffix(), seller: "Bert");
        f.Time.Advance(TimeSpan.FromMinutes(1));
        var bob = await list.Customer("Bob", id: "a-bob-" + Suffix(), seller: "bert");
        var eve = await list.Customer("eve", id: "d-eve-" + Suffix());
        (await f.As(op).Put($"/api/customers/{bob}/status", new { status = "disabled" })).Is(200);
        await list.Stage(anna, AccountStage.Trial);
        await list.Stage(eve, AccountStage.Active);

        Assert.Equal([anna, bob, emil, eve], await list.Ids("sort=name"));
        Assert.Equal([anna, bob, emil, eve], await list.Ids(""));
        Assert.Equal([eve, emil, bob, anna], await list.Ids("sort=-name"));
        Assert.Equal([bob, emil, anna, eve], await list.Ids("sort=id"));
        Assert.Equal([eve, anna, emil, bob], await list.Ids("sort=-id"));
        // Created in the same instant: ties by id, in both directions.
        Assert.Equal(new[] { emil, anna }.Order().Concat(new[] { bob, eve }.Order()), await list.Ids("sort=createdAt"));
        Assert.Equal(new[] { bob, eve }.Order().Concat(new[] { emil, anna }.Order()), await list.Ids("sort=-createdAt"));
        // No seller first; "Bert" and "bert" are one seller, tied by id.
        Assert.Equal([eve, bob, anna, emil], await list.Ids("sort=seller"));
        Assert.Equal([emil, bob, anna, eve], await list.Ids("sort=-seller"));
        // Lifecycle order: preparation, trial, active.
        Assert.Equal(new[] { bob, emil }.Order().Concat([anna, eve]), await list.Ids("sort=stage"));
        Assert.Equal(new[] { eve, anna }.Concat(new[] { bob, emil }.Order()), await list.Ids("sort=-stage"));
        Assert.Equal(new[] { anna, emil, eve }.Order().Append(bob), await list.Ids("sort=status"));
        Assert.Equal(new[] { bob }.Concat(new[] { anna, emil, eve }.Order()), await list.Ids("sort=-status"));
    }

    [Fact]
    public async Task Search_MatchesAPrefixOfTheId_TheCustomId_TheEmail_OrAnyWordOfTheName_IgnoringCaseAndAccents()
    {
        var list = await ListScene.Start(f, op);
        var acme = await list.Customer("Acme Corp GmbH", customId: "K-4711", email: "billing@acme.example");
        var muller = await list.Customer("Müller & Söhne", email: "info@mueller.example");
        var other = await list.Customer("Zenith Ltd");

        Assert.Equal([acme], await list.Ids("search=corp"));
        Assert.Equal([acme], await list.Ids("search=GMB"));
        Assert.Equal([acme], await list.Ids("search=acme%20corp"));
        Assert.Equal([acme], await list.Ids("search=k-47"));
        Assert.Equal([acme], await list.Ids("search=BILLING@acme"));
        Assert.Equal([muller], await list.Ids("search=muller"));
        Assert.Equal([muller], await list.Ids("search=s%C3%B6hne"));
        Assert.Equal([muller], await list.Ids("search=SOHNE"));
        Assert.Equal([muller], await list.Ids("search=info@"));
        Assert.Equal([other], await list.Ids($"search={other[..6]}"));
        Assert.Empty(await list.Ids("search=orp"));
        Assert.Empty(await list.Ids("search=gmbh%20acme"));
    }

    [Fact]
    public async Task FiltersCombine_WithEachOther_WithSearch_AndWithAnySort()
    {
        var list = await ListScene.Start(f, op);
        var a = await list.Customer("Alpha Shop", seller: "Anna");
        var b = await list.Customer("Beta Shop", seller: "ANNA");
        var c = await list.Customer("Gamma Shop", seller: "bob");
        var d = await list.Customer("Delta Shop", seller: "anna", test: true);
        (await f.As(op).Put($"/api/customers/{b}/status", new { status = "disabled" })).Is(200);
        await list.Stage(a, AccountStage.Trial);
        await list.Stage(c, AccountStage.Trial);

        Assert.Equal([a, b], await list.Ids("seller=anna"));
        Assert.Equal([a, b, d], await list.Ids("seller=Anna&testAccounts=include"));
        Assert.Equal([d], await list.Ids("seller=anna&testAccounts=only"));
        Assert.Equal([c, a], await list.Ids("stage=trial&sort=-name"));
        Assert.Equal([a, b, c], await list.Ids("status=active,disabled"));
        Assert.Equal([a], await list.Ids("seller=anna&stage=trial"));
        Assert.Equal([b], await list.Ids("seller=anna&status=disabled,pendingApproval"));
        Assert.Equal([a, c], await list.Ids("status=active&stage=trial,active&sort=name"));
        Assert.Equal([c, b, a], await list.Ids("search=shop&status=active,disabled&sort=-name"));
        Assert.Equal([b], await list.Ids("search=shop&seller=ANNA&status=disabled"));
        Assert.Empty(await list.Ids("search=shop&seller=bob&stage=preparation"));
    }

    [Fact]
    public async Task PagesAreFull_UntilTheListEnds_InEverySourceAndSearch()
    {
        var list = await ListScene.Start(f, op);
        var disabled = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var id = await list.Customer($"Shop {i:D2}", seller: i % 3 == 0 ? "Kim" : "lee", test: i % 7 == 0);
            if (i % 2 == 0)
            {
                (await f.As(op).Put($"/api/customers/{id}/status", new { status = "disabled" })).Is(200);
                disabled.Add(id);
            }
        }

        foreach (var query in new[] { "sort=name", "sort=-createdAt", "status=disabled", "status=disabled,active&testAccounts=include&sort=-id", "seller=kim&status=disabled", "search=shop&sort=-name", "search=shop&status=active" })
        {
            var (ids, pages) = await list.All(query, pageSize: 4);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(pages[..^1], size => Assert.Equal(4, size));
            Assert.True(pages[^1] is > 0 and <= 4, query);
        }
        var (live, _) = await list.All("status=disabled", pageSize: 3);
        Assert.Equal(disabled.Where((_, i) => i * 2 % 7 != 0).Order(), live.Order());
    }

    [Fact]
    public async Task UnknownParameters_Are400_OnOtherListRoutesToo()
    {
        var customer = await Seed.Customer(f, op);
        (await f.As(op).Get($"/api/customers/{customer}/members?pagesize=5")).IsProblem(400);
        (await f.As(op).Get($"/api/customers/{customer}/history?types=x")).IsProblem(400);
        (await f.As(op).Get("/api/customers/counts?status=active")).IsProblem(400);
        (await f.As(op).Get($"/api/customers/{customer}/members?pageSize=5")).Is(200);
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];
}
