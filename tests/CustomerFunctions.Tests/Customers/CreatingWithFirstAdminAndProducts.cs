using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Customers;

/// <summary>POST /api/customers with <c>admin</c> and <c>products</c>: one transaction creates the account, invites its first admin and sets its products.</summary>
public sealed class CreatingWithFirstAdminAndProducts(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<string> Product()
    {
        var id = Ids.Account("prod");
        (await f.As(op).Put($"/api/products/{id}", new { name = "Product " + id })).Is(201);
        return id;
    }

    [Fact]
    public async Task TheFirstAdminIsInvitedAndEmailed_InTheirLanguage_AndCanJoinAsCustomerAdmin()
    {
        var id = Ids.Account();
        var email = $"{Guid.NewGuid():N}@first-admin.test";
        var created = (await f.As(op).Post("/api/customers", new { id, name = "Acme", admin = new { email, fullName = "Ada Admin", language = "de" } })).Is(201);
        var invitationId = created.Str("adminInvitationId");

        var invitation = (await f.As(op).Get($"/api/customers/{id}/invitations/{invitationId}")).Is(200);
        Assert.Equal(email, invitation.Str("email"));
        Assert.Equal("customerAdmin", invitation.Str("role"));
        var mail = Assert.Single(await f.Mail.WaitFor(email));
        Assert.StartsWith("Einladung zu Acme", mail.Subject, StringComparison.Ordinal);

        var invitee = TestUser.New("first");
        (await f.As(invitee).Post("/api/invitations/accept", new { token = Mailbox.TokenIn(mail) })).Is(200);
        var member = (await f.As(op).Get($"/api/customers/{id}/members")).Is(200).Json.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("customerAdmin", member.GetProperty("role").GetString());
        Assert.Equal("de", member.GetProperty("language").GetString());

        var events = await AccountRows.Events(f, id);
        Assert.Contains(events, e => e.Type == EventTypes.CustomerCreated);
        Assert.Equal(invitationId, Assert.Single(events, e => e.Type == EventTypes.UserInvited).Detail("invitationId"));
    }

    [Fact]
    public async Task ProductsAreSetWithTheAccount_AndTheStageFollowsTheirStatuses()
    {
        var (trial, active, hidden) = (await Product(), await Product(), await Product());
        var id = Ids.Account();
        var created = (await f.As(op).Post("/api/customers", new
        {
            id,
            name = "Acme",
            products = new object[] { new { productId = trial, status = "trial" }, new { productId = active, visible = true, status = "active" }, new { productId = hidden, visible = false } },
        })).Is(201);
        Assert.Equal("active", created.Str("stage"));
        Assert.False(created.Json.TryGetProperty("adminInvitationId", out _));

        var products = (await f.As(op).Get($"/api/customers/{id}/products")).Is(200).Json.GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => (Status: p.GetProperty("status").GetString(), Visible: p.GetProperty("visible").GetBoolean()));
        Assert.Equal(("trial", false), products[trial]);
        Assert.Equal(("active", true), products[active]);
        Assert.Equal(("notActivated", false), products[hidden]);
        Assert.Equal(3, (await AccountRows.Events(f, id, EventTypes.ProductChanged)).Count);
        Assert.Equal("active", (await f.As(op).Get($"/api/customers/{id}")).Str("stage"));
    }

    [Fact]
    public async Task APartnerAdmin_CreatesItsCustomerWithAnAdmin()
    {
        var partner = await Seed.Partner(f, op);
        var partnerAdmin = TestUser.New("pa");
        await Seed.Member(f, partner, partnerAdmin, Core.Members.MemberRole.PartnerAdmin);
        var id = Ids.Account();
        var created = (await f.As(partnerAdmin).Post("/api/customers", new { id, name = "Acme", admin = new { email = "boss@acme.test", fullName = "Boss" } })).Is(201);
        Assert.Equal(partner, created.Str("partnerId"));
        var row = (await AccountRows.WithPrefix(f, id, InvitationRow.Prefix)).Single();
        Assert.Equal(partnerAdmin.Id, row.GetString("InvitedByUserId"));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"admin":{"fullName":"No Mail"}}""", "admin.email" },
        { """{"admin":{"email":"not-an-address","fullName":"X"}}""", "admin.email" },
        { """{"admin":{"email":"a@b.test"}}""", "admin.fullName" },
        { """{"admin":{"email":"a@b.test","fullName":"X","language":"fr"}}""", "admin.language" },
        { """{"admin":{"email":"a@b.test","fullName":"X","role":"customerEmployee"}}""", "admin.role" },
        { """{"products":[{"productId":"Not Valid"}]}""", "products[0].productId" },
        { """{"products":[{"productId":"no-such-product"}]}""", "products[0].productId" },
        { """{"products":[{"productId":"x1y","status":"running"}]}""", "products[0].status" },
        { """{"products":[null]}""", "products[0]" },
        { """{"kind":"partner","products":[{"productId":"x1y"}]}""", "products" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadAdminOrProducts_Are400_NamingTheField_AndCreateNothing(string extra, string field)
    {
        var id = Ids.Account();
        var json = $$"""{"id":"{{id}}","name":"Acme",{{extra[1..]}}""";
        var reply = (await f.As(op).SendRaw(HttpMethod.Post, "/api/customers", json)).IsProblem(400);
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty(field, out _), reply.Text);
        (await f.As(op).Get($"/api/customers/{id}")).IsProblem(404);
        Assert.Empty(await AccountRows.Events(f, id));
    }

    [Fact]
    public async Task AProductListedTwice_OrTooManyProducts_Is400()
    {
        var product = await Product();
        var twice = (await f.As(op).Post("/api/customers", new { id = Ids.Account(), name = "A", products = new[] { new { productId = product }, new { productId = product } } })).IsProblem(400);
        Assert.True(twice.Json.GetProperty("errors").TryGetProperty("products[1].productId", out _));
        var many = Enumerable.Range(0, Core.Customers.CustomerEndpoints.MaxInitialProducts + 1).Select(_ => new { productId = product }).ToArray();
        var tooMany = (await f.As(op).Post("/api/customers", new { id = Ids.Account(), name = "A", products = many })).IsProblem(400);
        Assert.True(tooMany.Json.GetProperty("errors").TryGetProperty("products", out _));
    }
}
