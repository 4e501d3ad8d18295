using System.Text.Json;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Messages;

/// <summary>Messages to chosen recipients: <c>audience</c> everyone, admins or named users; the inbox, acknowledgements and the sender's view follow it.</summary>
public sealed class MessageAudiences(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private sealed record Scene(string Partner, TestUser PartnerAdmin, string Customer, TestUser Admin, TestUser Employee, TestUser OtherEmployee);

    private async Task<Scene> SetUpAsync()
    {
        var partner = await Seed.Partner(f, op);
        var partnerAdmin = TestUser.New("padmin");
        await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);
        var customer = await Seed.Customer(f, op, partner);
        var admin = TestUser.New("cadmin");
        var employee = TestUser.New("cemp");
        var other = TestUser.New("cemp2");
        await Seed.Member(f, customer, admin, MemberRole.CustomerAdmin);
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);
        await Seed.Member(f, customer, other, MemberRole.CustomerEmployee);
        f.Time.Advance(TimeSpan.FromSeconds(1));
        return new Scene(partner, partnerAdmin, customer, admin, employee, other);
    }

    private async Task<List<string?>> InboxOf(TestUser user) =>
        [.. (await f.As(user).Get("/api/me/messages")).Is(200).Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("messageId").GetString())];

    private Task<Reply> Acknowledge(TestUser user, string customer, string id) =>
        f.As(user).Post($"/api/customers/{customer}/messages/{id}/acknowledgement");

    [Fact]
    public async Task ToTheAdmins_OnlyAdminsSeeAndAcknowledgeIt()
    {
        var s = await SetUpAsync();
        var sent = (await f.As(s.PartnerAdmin).Post($"/api/customers/{s.Customer}/messages", new { subject = "Invoice", body = "Due", mode = "allMustRead", audience = "admins" })).Is(201);
        var id = sent.Str("id");
        Assert.Equal("admins", sent.Str("audience"));

        Assert.Contains(id, await InboxOf(s.Admin));
        Assert.DoesNotContain(id, await InboxOf(s.Employee));
        (await Acknowledge(s.Employee, s.Customer, id)).IsProblem(404);
        (await Acknowledge(s.Admin, s.Customer, id)).Is(204);
        Assert.DoesNotContain(id, await InboxOf(s.Admin));

        var view = (await f.As(s.PartnerAdmin).Get($"/api/customers/{s.Customer}/messages/{id}")).Is(200);
        Assert.Equal("admins", view.Str("audience"));
        Assert.Equal(s.Admin.Id, Assert.Single(view.Json.GetProperty("acknowledgements").EnumerateArray()).GetProperty("userId").GetString());
        var recorded = Assert.Single(await AccountRows.Events(f, s.Customer, EventTypes.MessageSent));
        Assert.Equal("admins", recorded.Detail("audience"));
    }

    [Fact]
    public async Task ToNamedUsers_OnlyTheySeeIt_AndASingleReadClosesWhenOneOfThemReads()
    {
        var s = await SetUpAsync();
        var sent = (await f.As(op).Post($"/api/customers/{s.Customer}/messages", new
        {
            subject = "Your project",
            body = "Ready",
            mode = "singleRead",
            audience = "users",
            userIds = new[] { s.Employee.Id, s.Admin.Id, s.Employee.Id },
        })).Is(201);
        var id = sent.Str("id");
        Assert.Equal([s.Employee.Id, s.Admin.Id], sent.Json.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));

        Assert.Contains(id, await InboxOf(s.Employee));
        Assert.Contains(id, await InboxOf(s.Admin));
        Assert.DoesNotContain(id, await InboxOf(s.OtherEmployee));
        (await Acknowledge(s.OtherEmployee, s.Customer, id)).IsProblem(404);
        (await Acknowledge(s.Employee, s.Customer, id)).Is(204);
        Assert.DoesNotContain(id, await InboxOf(s.Admin));

        var listed = (await f.As(op).Get($"/api/customers/{s.Customer}/messages")).Is(200).Json.GetProperty("items")[0];
        Assert.Equal("users", listed.GetProperty("audience").GetString());
        Assert.Equal(2, listed.GetProperty("userIds").GetArrayLength());
        var recorded = Assert.Single(await AccountRows.Events(f, s.Customer, EventTypes.MessageSent));
        Assert.Contains(s.Employee.Id, recorded.Detail("userIds"));
    }

    [Fact]
    public async Task WithoutAnAudience_EveryoneGetsIt_AsBefore()
    {
        var s = await SetUpAsync();
        var sent = (await f.As(op).Post($"/api/customers/{s.Customer}/messages", new { subject = "All", body = "Hi", mode = "allMustRead" })).Is(201);
        Assert.Equal("everyone", sent.Str("audience"));
        Assert.False(sent.Json.TryGetProperty("userIds", out var ids) && ids.ValueKind != JsonValueKind.Null);
        foreach (var user in new[] { s.Admin, s.Employee, s.OtherEmployee })
        {
            Assert.Contains(sent.Str("id"), await InboxOf(user));
        }
    }

    [Fact]
    public async Task BadAudiences_Are400WithFieldErrors_AndSendNothing()
    {
        var s = await SetUpAsync();
        var path = $"/api/customers/{s.Customer}/messages";
        var sender = f.As(s.PartnerAdmin);
        Assert.True((await sender.Post(path, new { subject = "S", body = "B", mode = "allMustRead", audience = "users" })).IsProblem(400).HasFieldError("userIds"));
        Assert.True((await sender.Post(path, new { subject = "S", body = "B", mode = "allMustRead", audience = "users", userIds = Array.Empty<string>() })).IsProblem(400).HasFieldError("userIds"));
        Assert.True((await sender.Post(path, new { subject = "S", body = "B", mode = "allMustRead", userIds = new[] { s.Employee.Id } })).IsProblem(400).HasFieldError("userIds"));
        Assert.True((await sender.Post(path, new { subject = "S", body = "B", mode = "allMustRead", audience = "all" })).IsProblem(400).HasFieldError("audience"));
        Assert.True((await sender.Post(path, new { subject = "S", body = "B", mode = "allMustRead", audience = "users", userIds = Enumerable.Range(0, 101).Select(i => $"u{i}").ToArray() })).IsProblem(400).HasFieldError("userIds"));
        // A stranger (a member of another account) is not a recipient here.
        var stranger = TestUser.New("stranger");
        await Seed.Member(f, await Seed.Customer(f, op, s.Partner), stranger, MemberRole.CustomerAdmin);
        Assert.True((await sender.Post(path, new { subject = "S", body = "B", mode = "allMustRead", audience = "users", userIds = new[] { s.Employee.Id, stranger.Id } })).IsProblem(400).HasFieldError("userIds"));
        Assert.True((await f.As(s.PartnerAdmin).Post($"/api/partners/{s.Partner}/messages", new { subject = "S", body = "B", mode = "allMustRead", audience = "users", userIds = new[] { s.Employee.Id } })).IsProblem(400).HasFieldError("audience"));

        Assert.Equal(0, (await f.As(op).Get(path)).Is(200).Json.GetProperty("items").GetArrayLength());
        Assert.Empty(await AccountRows.Events(f, s.Customer, EventTypes.MessageSent));
        Assert.Empty(await InboxOf(s.Employee));
        Assert.Empty(await InboxOf(stranger));
    }

    [Fact]
    public async Task AnotherPartner_CannotSendToOrProbeTheMembersOfACustomer()
    {
        var s = await SetUpAsync();
        var other = await SetUpAsync();
        var body = new { subject = "S", body = "B", mode = "allMustRead", audience = "users", userIds = new[] { s.Employee.Id } };
        (await f.As(other.PartnerAdmin).Post($"/api/customers/{s.Customer}/messages", body)).IsProblem(404);
        (await f.As(s.Admin).Post($"/api/customers/{s.Customer}/messages", body)).IsProblem(403);
        Assert.Empty(await InboxOf(s.Employee));
    }

    [Fact]
    public async Task APartnerWideMessageToAdmins_ReachesEachCustomersAdminsOnly()
    {
        var s = await SetUpAsync();
        var id = (await f.As(s.PartnerAdmin).Post($"/api/partners/{s.Partner}/messages", new { subject = "Prices", body = "New", mode = "allMustRead", audience = "admins" })).Is(202).Str("id");
        await AccountRows.Eventually(async () => (await InboxOf(s.Admin)).Contains(id), "the customer's admin has the message", TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(id, await InboxOf(s.Employee));
        Assert.Equal("admins", (await f.As(op).Get($"/api/customers/{s.Customer}/messages/{id}")).Is(200).Str("audience"));
    }
}
