using System.Text.Json;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Invitations;

public sealed class CreatingAndListingInvitations(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private Task<(string Customer, TestUser Admin)> CustomerWithAdmin(string language = "en", string? partner = null) =>
        Seed.CustomerWithAdmin(f, op, partner, language);

    private static string Unique(string label) => $"{label}-{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task Admin_Invites_201WithLocation_AndAnEmailWhoseLinkCarriesTheOnlyCopyOfTheToken()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var email = Unique("new");
        var now = f.Time.GetUtcNow();

        var created = (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email, fullName = "Nora New" })).Is(201);
        var id = created.Str("id");
        Assert.Equal($"/api/customers/{customer}/invitations/{id}", created.Location);
        Assert.Equal("pending", created.Str("state"));
        Assert.Equal(email, created.Str("email"));
        Assert.Equal("Nora New", created.Str("fullName"));
        Assert.Equal("customerEmployee", created.Str("role"));
        Assert.Equal(now + TimeSpan.FromDays(7), created.Json.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(now, created.Json.GetProperty("sentAt").GetDateTimeOffset());
        Assert.Equal(0, created.Json.GetProperty("resendCount").GetInt32());
        Assert.Equal(admin.Id, created.Json.GetProperty("invitedBy").GetProperty("userId").GetString());
        Assert.Equal(admin.Name, created.Json.GetProperty("invitedBy").GetProperty("name").GetString());
        Assert.DoesNotContain("token", created.Text, StringComparison.OrdinalIgnoreCase);

        var mail = Assert.Single(await f.Mail.WaitFor(email));
        Assert.Equal($"You are invited to Customer {customer}", mail.Subject);
        Assert.Contains("Hello Nora New", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{admin.Name} invited you to join Customer {customer} as customer employee", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains((now + TimeSpan.FromDays(7)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://panel.test/invitations/accept?token=", mail.TextBody, StringComparison.Ordinal);
        var token = Mailbox.TokenIn(mail);

        // Storage keeps the hash only, and the index points the hash at the row.
        var row = (await f.StorageClients.Accounts.GetEntityAsync<Azure.Data.Tables.TableEntity>(customer, AccountPartition.Invitations.Key(id))).Value;
        Assert.Equal(IdGenerator.Hash(token), row.GetString("TokenHash"));
        Assert.Equal("pending", row.GetString("State"));
        Assert.DoesNotContain(row, p => p.Value is string s && s.Contains(token, StringComparison.Ordinal));
        var pointer = await f.Services.GetRequiredService<IndexTable>().ResolveAsync(IndexTable.Token("invitation", IdGenerator.Hash(token)), CancellationToken.None);
        Assert.Equal((customer, AccountPartition.Invitations.Key(id)), pointer);

        var invited = await AccountRows.SingleEvent(f, customer, EventTypes.UserInvited);
        Assert.Equal(email, invited.Detail("email"));
        Assert.Equal(admin.Id, invited.Actor.UserId);

        var read = (await f.As(admin).Get(created.Location!)).Is(200);
        Assert.Equal(id, read.Str("id"));
    }

    [Fact]
    public async Task GermanAccount_GetsTheInvitationInGerman()
    {
        var (customer, admin) = await CustomerWithAdmin(language: "de");
        var email = Unique("neu");
        (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email, fullName = "Greta Neu", role = "customerAdmin" })).Is(201);

        var mail = Assert.Single(await f.Mail.WaitFor(email));
        Assert.Equal($"Einladung zu Customer {customer}", mail.Subject);
        Assert.Contains("Hallo Greta Neu", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"hat Sie eingeladen, Customer {customer} als Kunden-Administrator beizutreten", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains((f.Time.GetUtcNow() + TimeSpan.FromDays(7)).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://panel.test/invitations/accept?token=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerAccounts_InvitePartnerRoles_DefaultingToPartnerEmployee()
    {
        var partner = await Seed.Partner(f, op);
        var created = (await f.As(op).Post($"/api/customers/{partner}/invitations", new { email = Unique("p"), fullName = "Pat" })).Is(201);
        Assert.Equal("partnerEmployee", created.Str("role"));
        (await f.As(op).Post($"/api/customers/{partner}/invitations", new { email = Unique("p"), fullName = "Pat", role = "partnerAdmin" })).Is(201);
        var wrong = (await f.As(op).Post($"/api/customers/{partner}/invitations", new { email = Unique("p"), fullName = "Pat", role = "customerAdmin" })).IsProblem(400);
        Assert.True(wrong.Json.GetProperty("errors").TryGetProperty("role", out _));
    }

    [Theory]
    [InlineData("{\"fullName\":\"No Mail\"}", "email")]
    [InlineData("{\"email\":\"not-an-address\",\"fullName\":\"X\"}", "email")]
    [InlineData("{\"email\":\"a@example.test\"}", "fullName")]
    [InlineData("{\"email\":\"a@example.test\",\"fullName\":\"  \"}", "fullName")]
    [InlineData("{\"email\":\"a@example.test\",\"fullName\":\"X\",\"role\":\"partnerAdmin\"}", "role")]
    [InlineData("{\"email\":\"a@example.test\",\"fullName\":\"X\",\"role\":\"king\"}", "role")]
    [InlineData("{\"email\":\"a@example.test\",\"fullName\":\"X\",\"token\":\"mine\"}", "token")]
    [InlineData("{\"email\":42,\"fullName\":\"X\"}", "email")]
    public async Task BadBodies_Are400_NamingTheField(string json, string field)
    {
        var (customer, admin) = await CustomerWithAdmin();
        var reply = (await f.As(admin).SendRaw(HttpMethod.Post, $"/api/customers/{customer}/invitations", json)).IsProblem(400);
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty(field, out _), reply.Text);
        Assert.Empty(await AccountRows.WithPrefix(f, customer, InvitationRow.Prefix));
    }

    [Fact]
    public async Task ASecondPendingInvitationForTheSameAddress_Is409_ButAfterExpiryANewOneMayBeSent()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var email = Unique("dup");
        (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email, fullName = "Dup" })).Is(201);
        (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email = email.ToUpperInvariant(), fullName = "Dup" })).IsProblem(409, "invitation-pending");

        f.Time.Advance(TimeSpan.FromDays(8));
        (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email, fullName = "Dup" })).Is(201);
    }

    [Fact]
    public async Task InvitingSomeoneWhoIsAlreadyAMember_Is409()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var employee = TestUser.New("cemp");
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);
        (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email = employee.Email, fullName = "Again" })).IsProblem(409, "already-member");
    }

    [Fact]
    public async Task OnlyAdminsOperatorsAndTheirPartnerInvite_OthersGet403Or404()
    {
        var partner = await Seed.Partner(f, op);
        var partnerEmployee = TestUser.New("pemp");
        await Seed.Member(f, partner, partnerEmployee, MemberRole.PartnerEmployee);
        var (customer, admin) = await CustomerWithAdmin(partner: partner);
        var employee = TestUser.New("cemp");
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);
        var (_, otherAdmin) = await CustomerWithAdmin(partner: partner);
        var foreignPartner = await Seed.Partner(f, op);
        var foreigner = TestUser.New("foreign");
        await Seed.Member(f, foreignPartner, foreigner, MemberRole.PartnerAdmin);
        var path = $"/api/customers/{customer}/invitations";
        object Body() => new { email = Unique("w"), fullName = "Who" };

        (await f.As(employee).Post(path, Body())).IsProblem(403);
        (await f.As(employee).Get(path)).IsProblem(403);
        (await f.As(otherAdmin).Post(path, Body())).IsProblem(404);
        (await f.As(otherAdmin).Get(path)).IsProblem(404);
        (await f.As(foreigner).Post(path, Body())).IsProblem(404);
        (await f.Anonymous.Post(path, Body())).IsProblem(401);
        (await f.As(admin).Post(path, Body())).Is(201);
        (await f.As(partnerEmployee).Post(path, Body())).Is(201);
        (await f.As(op).Post(path, Body())).Is(201);
        Assert.Equal(3, (await f.As(admin).Get(path)).Is(200).Json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Listing_ShowsPendingByDefault_AndFiltersByState()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var path = $"/api/customers/{customer}/invitations";
        var accepted = TestUser.New("acc");
        await Seed.InviteAndAccept(f, customer, admin, accepted);
        var cancelled = (await f.As(admin).Post(path, new { email = Unique("can"), fullName = "Can" })).Is(201).Str("id");
        (await f.As(admin).Delete($"{path}/{cancelled}")).Is(204);
        var expiring = (await f.As(admin).Post(path, new { email = Unique("exp"), fullName = "Exp" })).Is(201).Str("id");
        f.Time.Advance(TimeSpan.FromDays(4));
        var pending = (await f.As(admin).Post(path, new { email = Unique("pen"), fullName = "Pen" })).Is(201).Str("id");
        f.Time.Advance(TimeSpan.FromDays(4));

        static List<string> IdsOf(Reply reply) => [.. reply.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
        var byDefault = (await f.As(admin).Get(path)).Is(200);
        Assert.Equal([pending], IdsOf(byDefault));
        var item = byDefault.Json.GetProperty("items")[0];
        Assert.Equal("pending", item.GetProperty("state").GetString());
        Assert.Equal(admin.Id, item.GetProperty("invitedBy").GetProperty("userId").GetString());

        Assert.Equal([expiring], IdsOf((await f.As(admin).Get(path + "?state=expired")).Is(200)));
        Assert.Equal("expired", (await f.As(admin).Get(path + "?state=expired")).Json.GetProperty("items")[0].GetProperty("state").GetString());
        Assert.Equal([cancelled], IdsOf((await f.As(admin).Get(path + "?state=cancelled")).Is(200)));
        var acceptedItem = (await f.As(admin).Get(path + "?state=accepted")).Is(200).Json.GetProperty("items")[0];
        Assert.Equal("accepted", acceptedItem.GetProperty("state").GetString());
        Assert.Equal(accepted.Id, acceptedItem.GetProperty("acceptedByUserId").GetString());
        Assert.Equal(4, IdsOf((await f.As(admin).Get(path + "?state=all")).Is(200)).Count);
        (await f.As(admin).Get(path + "?state=sideways")).IsProblem(400);
        (await f.As(admin).Get(path + "/not-an-invitation")).IsProblem(404);
    }

    [Fact]
    public async Task ARepeatedPostWithTheSameIdempotencyKey_CreatesOneInvitation_AndSendsOneEmail()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var email = Unique("idem");
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var first = (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email, fullName = "Once" }, headers)).Is(201);
        var second = (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email, fullName = "Once" }, headers)).Is(201);
        Assert.Equal(first.Str("id"), second.Str("id"));
        Assert.Single(await AccountRows.WithPrefix(f, customer, InvitationRow.Prefix));
        await f.Mail.WaitFor(email);
        await Task.Delay(500);
        Assert.Single(f.Mail.To(email));
        Assert.Equal(JsonValueKind.Object, second.Json.ValueKind);
    }
}
