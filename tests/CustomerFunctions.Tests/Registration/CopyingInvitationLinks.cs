using System.Text.Json;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Tests.Infrastructure;
using static CustomerFunctions.Tests.Registration.RegistrationSteps;

namespace CustomerFunctions.Tests.Registration;

/// <summary>"Copy the link" again: the list shows every active link's url, though the table never holds its token.</summary>
public sealed class CopyingInvitationLinks(RegistrationFixture f) : IClassFixture<RegistrationFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<(string Partner, TestUser Admin)> PartnerWithAdmin()
    {
        var partner = await Seed.Partner(f, op);
        var admin = TestUser.New("padmin");
        await Seed.Member(f, partner, admin, MemberRole.PartnerAdmin);
        return (partner, admin);
    }

    private async Task<Reply> CreateLink(TestUser user, string partner, TimeSpan lifetime, int? maxUses = null) =>
        await f.As(user).Post($"/api/partners/{partner}/invitation-links", new { expiresAt = f.Time.GetUtcNow() + lifetime, maxUses });

    private async Task<Dictionary<string, JsonElement>> Listed(TestUser user, string partner) =>
        (await f.As(user).Get($"/api/partners/{partner}/invitation-links")).Is(200).Json.GetProperty("items").EnumerateArray()
            .ToDictionary(l => l.GetProperty("id").GetString()!);

    private static string? UrlOf(JsonElement link) =>
        link.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;

    [Fact]
    public async Task TheListGivesTheSameUrlAgain_AndTheCopiedUrlRegisters()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var employee = TestUser.New("pemp");
        await Seed.Member(f, partner, employee, MemberRole.PartnerEmployee);
        var created = (await CreateLink(admin, partner, TimeSpan.FromDays(7))).Is(201);

        var copied = UrlOf((await Listed(employee, partner))[created.Str("id")]);
        Assert.Equal(created.Str("url"), copied);
        Assert.Equal(created.Str("url"), UrlOf((await Listed(op, partner))[created.Str("id")]));

        var token = await RegisterAndReadToken(f, Ids.Account("copied"), Email(), TokenOfUrl(copied!));
        Assert.Equal(partner, (await Confirm(f, TestUser.New("copied"), token)).Is(201).Str("partnerId"));
    }

    [Fact]
    public async Task RevokedExpiredAndUsedUpLinks_HaveNoUrl()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var revoked = (await CreateLink(admin, partner, TimeSpan.FromDays(7))).Is(201).Str("id");
        var expiring = (await CreateLink(admin, partner, TimeSpan.FromHours(1))).Is(201).Str("id");
        var single = (await CreateLink(admin, partner, TimeSpan.FromDays(7), maxUses: 1)).Is(201);
        var active = (await CreateLink(admin, partner, TimeSpan.FromDays(7))).Is(201).Str("id");
        (await f.As(admin).Delete($"/api/partners/{partner}/invitation-links/{revoked}")).Is(204);
        var pending = await RegisterAndReadToken(f, Ids.Account("once"), Email(), TokenOfUrl(single.Str("url")));
        (await Confirm(f, TestUser.New("once"), pending)).Is(201);
        f.Time.Advance(TimeSpan.FromHours(2));

        var links = await Listed(admin, partner);
        Assert.Null(UrlOf(links[revoked]));
        Assert.Null(UrlOf(links[expiring]));
        Assert.Null(UrlOf(links[single.Str("id")]));
        Assert.NotNull(UrlOf(links[active]));
    }

    [Fact]
    public async Task NoTokenIsStored_OnlyItsHash()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var created = (await CreateLink(admin, partner, TimeSpan.FromDays(7))).Is(201);
        var token = TokenOfUrl(created.Str("url"));

        var row = Assert.Single(await AccountRows.WithPrefix(f, partner, InvitationLinkRow.Prefix));
        Assert.Equal(Core.Storage.IdGenerator.Hash(token), row.GetString("TokenHash"));
        Assert.DoesNotContain(row.Keys.Select(k => row[k]), v => v?.ToString()?.Contains(token, StringComparison.Ordinal) == true);
        // Nor anywhere else in the partner's partition (events, outbox, stored answers are sealed).
        await foreach (var stored in f.StorageClients.Accounts.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == partner))
        {
            Assert.DoesNotContain(stored.Keys.Select(k => stored[k]), v => v?.ToString()?.Contains(token, StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task AnotherPartner_CannotReadTheUrls_AndALinkIdDoesNotOpenAnotherPartnersLink()
    {
        await Configure(f, op, "disabled", invitationLinks: true);
        var (partner, admin) = await PartnerWithAdmin();
        var (otherPartner, otherAdmin) = await PartnerWithAdmin();
        var created = (await CreateLink(admin, partner, TimeSpan.FromDays(7))).Is(201);
        var customer = await Seed.Customer(f, op, partner);
        var customerAdmin = TestUser.New("cadmin");
        await Seed.Member(f, customer, customerAdmin, MemberRole.CustomerAdmin);

        (await f.As(otherAdmin).Get($"/api/partners/{partner}/invitation-links")).IsProblem(404);
        (await f.As(customerAdmin).Get($"/api/partners/{partner}/invitation-links")).IsProblem(404);
        (await f.As(TestUser.New("stranger")).Get($"/api/partners/{partner}/invitation-links")).IsProblem(404);
        var own = await Listed(otherAdmin, otherPartner);
        Assert.DoesNotContain(created.Str("id"), own.Keys);
        Assert.DoesNotContain(own.Values, l => UrlOf(l) == created.Str("url"));
    }
}
