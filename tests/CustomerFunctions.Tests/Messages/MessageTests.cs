using System.Text.Json;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Impersonation;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Messages;

public sealed class MessageTests(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task APartnerSendsAMessage_ItsCustomersUsersSeeIt_AndItIsRecorded()
    {
        var (partner, partnerAdmin, customer) = await SetUpAsync();
        var user = await MemberAsync(customer, MemberRole.CustomerEmployee);

        var sent = (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages", new { subject = "Maintenance", body = "Sunday 2-4 am.\nSorry!", mode = "allMustRead" })).Is(201);
        var id = sent.Str("id");
        Assert.Equal($"/api/customers/{customer}/messages/{id}", sent.Location);

        var inbox = await InboxOf(user);
        var item = Assert.Single(inbox);
        Assert.Equal(customer, item.GetProperty("accountId").GetString());
        Assert.Equal("Maintenance", item.GetProperty("subject").GetString());
        Assert.Equal("Sunday 2-4 am.\nSorry!", item.GetProperty("body").GetString());

        var recorded = Assert.Single(await HistoryRows.Of(f, customer, "MESSAGE_SENT"));
        Assert.Equal(partnerAdmin.Id, recorded.Actor.UserId);
        Assert.Equal(id, recorded.Details!.Value.GetProperty("messageId").GetString());
        (await f.As(partnerAdmin).Get($"/api/customers/{customer}/messages/{id}")).Is(200);
    }

    [Fact]
    public async Task TheInbox_CoversAllTheUsersAccounts_InOneCall()
    {
        var (_, partnerAdmin, first) = await SetUpAsync();
        var second = await Seed.Customer(f, op);
        var user = TestUser.New("multi");
        await Seed.Member(f, first, user, MemberRole.CustomerAdmin);
        await Seed.Member(f, second, user, MemberRole.CustomerEmployee);

        var a = (await f.As(partnerAdmin).Post($"/api/customers/{first}/messages", new { subject = "A", body = "from the partner", mode = "allMustRead" })).Is(201).Str("id");
        (await f.As(op).Post($"/api/customers/{second}/messages", new { subject = "B", body = "from the operator", mode = "singleRead" })).Is(201);

        var inbox = await InboxOf(user);
        Assert.Equal(["A", "B"], inbox.Select(i => i.GetProperty("subject").GetString()).Order());
        Assert.Contains(inbox, i => i.GetProperty("accountId").GetString() == second && i.GetProperty("accountName").GetString() == "Customer " + second);

        (await f.As(user).Post($"/api/customers/{first}/messages/{a}/acknowledgement")).Is(204);
        Assert.Equal("B", Assert.Single(await InboxOf(user)).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task AllMustRead_StaysForEveryoneUntilTheyAcknowledge_AndTheSenderSeesWho()
    {
        var (_, partnerAdmin, customer) = await SetUpAsync();
        var first = await MemberAsync(customer, MemberRole.CustomerAdmin);
        var second = await MemberAsync(customer, MemberRole.CustomerEmployee);
        var id = (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages", new { subject = "Read me", body = "Each of you.", mode = "allMustRead" })).Is(201).Str("id");

        (await f.As(first).Post($"/api/customers/{customer}/messages/{id}/acknowledgement")).Is(204);
        (await f.As(first).Post($"/api/customers/{customer}/messages/{id}/acknowledgement")).Is(204);

        Assert.Empty(await InboxOf(first));
        Assert.Single(await InboxOf(second));
        var message = Assert.Single((await f.As(partnerAdmin).Get($"/api/customers/{customer}/messages")).Is(200).Json.GetProperty("items").EnumerateArray());
        var ack = Assert.Single(message.GetProperty("acknowledgements").EnumerateArray());
        Assert.Equal(first.Id, ack.GetProperty("userId").GetString());
        Assert.False(message.TryGetProperty("closedAt", out _));

        (await f.As(second).Post($"/api/customers/{customer}/messages/{id}/acknowledgement")).Is(204);
        Assert.Empty(await InboxOf(second));
        Assert.Equal(2, (await f.As(op).Get($"/api/customers/{customer}/messages/{id}")).Json.GetProperty("acknowledgements").GetArrayLength());
    }

    [Fact]
    public async Task SingleRead_TheFirstAcknowledgementHidesItForEveryone()
    {
        var (_, partnerAdmin, customer) = await SetUpAsync();
        var first = await MemberAsync(customer, MemberRole.CustomerEmployee);
        var second = await MemberAsync(customer, MemberRole.CustomerEmployee);
        var id = (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages", new { subject = "Invoice", body = "One of you, please.", mode = "singleRead" })).Is(201).Str("id");
        Assert.Single(await InboxOf(second));

        (await f.As(first).Post($"/api/customers/{customer}/messages/{id}/acknowledgement")).Is(204);

        Assert.Empty(await InboxOf(first));
        Assert.Empty(await InboxOf(second));
        (await f.As(second).Post($"/api/customers/{customer}/messages/{id}/acknowledgement")).Is(204);
        var message = (await f.As(partnerAdmin).Get($"/api/customers/{customer}/messages/{id}")).Is(200).Json;
        Assert.True(message.TryGetProperty("closedAt", out _));
        Assert.Equal(first.Id, Assert.Single(message.GetProperty("acknowledgements").EnumerateArray()).GetProperty("userId").GetString());
    }

    [Fact]
    public async Task SingleRead_IsHiddenAtOnce_EvenBeforeTheInboxEffectsRan()
    {
        var (_, partnerAdmin, customer) = await SetUpAsync();
        var first = await MemberAsync(customer, MemberRole.CustomerEmployee);
        var second = await MemberAsync(customer, MemberRole.CustomerEmployee);
        var id = (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages", new { subject = "Once", body = "x", mode = "singleRead" })).Is(201).Str("id");

        // The acknowledgement commits, then the process "crashes" before its side effects: the inbox rows still stand.
        f.Faults.FailWhen(point => point == FaultInjection.AfterCommit);
        try
        {
            (await f.As(first).Post($"/api/customers/{customer}/messages/{id}/acknowledgement")).Is(500);
        }
        finally
        {
            f.Faults.FailWhen(null);
        }
        Assert.Empty(await InboxOf(second));
        Assert.Empty(await InboxOf(first));
    }

    [Fact]
    public async Task UsersWhoJoinAfterSending_DoNotReceiveIt()
    {
        var (_, partnerAdmin, customer) = await SetUpAsync();
        var early = await MemberAsync(customer, MemberRole.CustomerEmployee);
        var id = (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages", new { subject = "Then", body = "x", mode = "allMustRead" })).Is(201).Str("id");
        f.Time.Advance(TimeSpan.FromMinutes(1));
        var late = await MemberAsync(customer, MemberRole.CustomerAdmin);

        Assert.Single(await InboxOf(early));
        Assert.Empty(await InboxOf(late));
        (await f.As(late).Post($"/api/customers/{customer}/messages/{id}/acknowledgement")).IsProblem(404);
    }

    [Fact]
    public async Task APartnerWideMessage_ReachesTheUsersOfEveryManagedCustomer_AndNoOtherPartnersCustomers()
    {
        var (partner, partnerAdmin, first) = await SetUpAsync();
        var second = await Seed.Customer(f, op, partner);
        var foreignCustomer = await Seed.Customer(f, op, await Seed.Partner(f, op));
        var inFirst = await MemberAsync(first, MemberRole.CustomerAdmin);
        var inSecond = await MemberAsync(second, MemberRole.CustomerEmployee);
        var inForeign = await MemberAsync(foreignCustomer, MemberRole.CustomerAdmin);

        var sent = (await f.As(partnerAdmin).Post($"/api/partners/{partner}/messages", new { subject = "New prices", body = "From May.", mode = "allMustRead" })).Is(202);
        var id = sent.Str("id");

        // Delivered from the queue, after the answer.
        await AccountRows.Eventually(async () => (await InboxOf(inFirst)).Count > 0 && (await InboxOf(inSecond)).Count > 0, "the fan-out reached both customers");
        Assert.Equal(id, Assert.Single(await InboxOf(inFirst)).GetProperty("messageId").GetString());
        Assert.Equal(id, Assert.Single(await InboxOf(inSecond)).GetProperty("messageId").GetString());
        Assert.Empty(await InboxOf(inForeign));
        foreach (var customer in new[] { first, second })
        {
            var listed = Assert.Single((await f.As(partnerAdmin).Get($"/api/customers/{customer}/messages")).Is(200).Json.GetProperty("items").EnumerateArray());
            Assert.True(listed.GetProperty("partnerWide").GetBoolean());
            Assert.Single(await HistoryRows.Of(f, customer, "MESSAGE_SENT"));
        }
        Assert.Single(await HistoryRows.Of(f, partner, "MESSAGE_SENT"));
        Assert.Empty((await f.As(op).Get($"/api/customers/{foreignCustomer}/messages")).Json.GetProperty("items").EnumerateArray());

        // Running the delivery again (as crash recovery would) delivers nothing twice.
        await f.Services.GetRequiredService<Outbox>().DrainAsync(partner, CancellationToken.None);
        await new Core.Messages.FanOutPartnerMessage(id).RunAsync(partner, f.Services, CancellationToken.None);
        Assert.Single((await f.As(op).Get($"/api/customers/{first}/messages")).Json.GetProperty("items").EnumerateArray());
        Assert.Single(await InboxOf(inFirst));
    }

    [Fact]
    public async Task OnlyManagersSend_AndOnlyRecipientsAcknowledge()
    {
        var (partner, partnerAdmin, customer) = await SetUpAsync();
        var admin = await MemberAsync(customer, MemberRole.CustomerAdmin);
        var foreign = TestUser.New("foreign");
        await Seed.Member(f, await Seed.Partner(f, op), foreign, MemberRole.PartnerAdmin);
        var body = new { subject = "S", body = "B", mode = "allMustRead" };

        (await f.As(admin).Post($"/api/customers/{customer}/messages", body)).IsProblem(403);
        (await f.As(admin).Get($"/api/customers/{customer}/messages")).IsProblem(403);
        (await f.As(foreign).Post($"/api/customers/{customer}/messages", body)).IsProblem(404);
        (await f.As(foreign).Get($"/api/customers/{customer}/messages")).IsProblem(404);
        (await f.As(foreign).Post($"/api/partners/{partner}/messages", body)).IsProblem(404);
        (await f.As(admin).Post($"/api/partners/{partner}/messages", body)).IsProblem(404);
        (await f.As(op).Post($"/api/partners/{customer}/messages", body)).IsProblem(404);

        var id = (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages", body)).Is(201).Str("id");
        (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages/{id}/acknowledgement")).IsProblem(403);
        (await f.As(foreign).Post($"/api/customers/{customer}/messages/{id}/acknowledgement")).IsProblem(404);
        (await f.As(admin).Post($"/api/customers/{customer}/messages/no-such-message/acknowledgement")).IsProblem(404);
        (await f.As(partnerAdmin).Get($"/api/customers/{customer}/messages/no-such-message")).IsProblem(404);
    }

    [Fact]
    public async Task BadBodies_Are400()
    {
        var (partner, _, customer) = await SetUpAsync();
        var path = $"/api/customers/{customer}/messages";
        Assert.True((await f.As(op).Post(path, new { subject = "S", body = "B" })).IsProblem(400).Json.GetProperty("errors").TryGetProperty("mode", out _));
        (await f.As(op).Post(path, new { subject = "S", body = "B", mode = "everyone" })).IsProblem(400);
        (await f.As(op).Post(path, new { subject = "", body = "B", mode = "singleRead" })).IsProblem(400);
        (await f.As(op).Post(path, new { subject = "S", body = " ", mode = "singleRead" })).IsProblem(400);
        (await f.As(op).Post(path, new { subject = "S", body = new string('x', 10_001), mode = "singleRead" })).IsProblem(400);
        (await f.As(op).Post(path, new { subject = "S", body = "B", mode = "singleRead", urgent = true })).IsProblem(400);
        (await f.As(op).Post($"/api/partners/{partner}/messages", new { subject = "S" })).IsProblem(400);
        Assert.Empty((await f.As(op).Get(path)).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TheSendersList_PagesWithContinuationTokens()
    {
        var (_, partnerAdmin, customer) = await SetUpAsync();
        for (var i = 0; i < 3; i++)
        {
            (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages", new { subject = "M" + i, body = "B", mode = "allMustRead" })).Is(201);
            f.Time.Advance(TimeSpan.FromSeconds(1)); // ids are time-ordered; within one instant their order is arbitrary
        }
        var page = (await f.As(partnerAdmin).Get($"/api/customers/{customer}/messages?pageSize=2")).Is(200).Json;
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(["M2", "M1"], page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("subject").GetString()));
        var token = Uri.EscapeDataString(page.GetProperty("continuationToken").GetString()!);
        var rest = (await f.As(partnerAdmin).Get($"/api/customers/{customer}/messages?pageSize=2&continuationToken={token}")).Is(200).Json;
        // Newest first, like the history: the last page holds the oldest message.
        Assert.Equal("M0", Assert.Single(rest.GetProperty("items").EnumerateArray()).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task ParallelAcknowledgementsOfASingleReadMessage_CloseItOnce()
    {
        var (_, partnerAdmin, customer) = await SetUpAsync();
        var users = new List<TestUser>();
        for (var i = 0; i < 6; i++)
        {
            users.Add(await MemberAsync(customer, MemberRole.CustomerEmployee));
        }
        var id = (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages", new { subject = "Race", body = "x", mode = "singleRead" })).Is(201).Str("id");

        var replies = await Task.WhenAll(users.Select(u => f.As(u).Post($"/api/customers/{customer}/messages/{id}/acknowledgement")));
        Assert.All(replies, r => r.Is(204));
        var message = (await f.As(op).Get($"/api/customers/{customer}/messages/{id}")).Is(200).Json;
        var ack = Assert.Single(message.GetProperty("acknowledgements").EnumerateArray());
        Assert.Contains(users, u => u.Id == ack.GetProperty("userId").GetString());
        foreach (var user in users)
        {
            Assert.Empty(await InboxOf(user));
        }
    }

    [Fact]
    public async Task ARemovedMember_NoLongerSeesTheAccountsMessages()
    {
        var (_, partnerAdmin, customer) = await SetUpAsync();
        var user = await MemberAsync(customer, MemberRole.CustomerEmployee);
        (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages", new { subject = "Bye", body = "x", mode = "allMustRead" })).Is(201);
        Assert.Single(await InboxOf(user));

        // Removing members is another feature's command: do what it does to the partition.
        var session = await f.Services.GetRequiredService<AccountStore>().OpenAsync(customer, null, Core.Auth.Caller.System("test"));
        session.Delete(AccountPartition.Members.Key(MemberRow.Id(user.Id)));
        await session.CommitAsync(Core.Http.ApiResponse.NoContent());
        Assert.Empty(await InboxOf(user));
    }

    [Fact]
    public async Task SendingWithAnIdempotencyKey_SendsOnce()
    {
        var (_, partnerAdmin, customer) = await SetUpAsync();
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var body = new { subject = "Once", body = "only", mode = "allMustRead" };
        var first = (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages", body, headers)).Is(201);
        var again = (await f.As(partnerAdmin).Post($"/api/customers/{customer}/messages", body, headers)).Is(201);
        Assert.Equal(first.Str("id"), again.Str("id"));
        Assert.Single((await f.As(op).Get($"/api/customers/{customer}/messages")).Json.GetProperty("items").EnumerateArray());
    }

    private async Task<(string Partner, TestUser PartnerAdmin, string Customer)> SetUpAsync()
    {
        var partner = await Seed.Partner(f, op);
        var partnerAdmin = TestUser.New("padmin");
        await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);
        return (partner, partnerAdmin, await Seed.Customer(f, op, partner));
    }

    private async Task<TestUser> MemberAsync(string customer, MemberRole role)
    {
        var user = TestUser.New("user");
        await Seed.Member(f, customer, user, role);
        return user;
    }

    private async Task<List<JsonElement>> InboxOf(TestUser user) =>
        (await f.As(user).Get("/api/me/messages")).Is(200).Json.GetProperty("items").EnumerateArray().ToList();
}
