using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Invitations;

public sealed class AcceptingInvitations(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private Task<(string Customer, TestUser Admin)> CustomerWithAdmin(string? partner = null) => Seed.CustomerWithAdmin(f, op, partner);

    private Task<Reply> Accept(TestUser user, string token) => f.As(user).Post("/api/invitations/accept", new { token });

    [Fact]
    public async Task AcceptingMakesTheCallerAMemberWithTheInvitedRole_AndTheTokenWorksOnce()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var invitee = TestUser.New("inv");
        var (id, token) = await Seed.Invite(f, customer, admin, invitee, "customerAdmin");

        var accepted = (await Accept(invitee, token)).Is(200);
        Assert.Equal(customer, accepted.Str("customerId"));
        Assert.Equal("customer", accepted.Str("kind"));
        Assert.Equal("customerAdmin", accepted.Str("role"));
        Assert.False(accepted.Json.GetProperty("alreadyMember").GetBoolean());

        var member = (await f.As(admin).Get($"/api/customers/{customer}/members")).Is(200).Json.GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("userId").GetString() == invitee.Id);
        Assert.Equal(invitee.Email, member.GetProperty("email").GetString());
        Assert.Equal(invitee.Name, member.GetProperty("name").GetString());
        Assert.Equal("customerAdmin", member.GetProperty("role").GetString());
        var me = (await f.As(invitee).Get("/api/me")).Is(200);
        Assert.Equal(customer, Assert.Single(me.Json.GetProperty("memberships").EnumerateArray()).GetProperty("customerId").GetString());
        var invitation = (await f.As(admin).Get($"/api/customers/{customer}/invitations/{id}")).Is(200);
        Assert.Equal("accepted", invitation.Str("state"));
        Assert.Equal(invitee.Id, invitation.Str("acceptedByUserId"));
        var e = await AccountRows.SingleEvent(f, customer, EventTypes.UserAcceptedInvitation);
        Assert.Equal(invitee.Id, e.Actor.UserId);
        Assert.Null(await f.Services.GetRequiredService<IndexTable>().ResolveAsync(IndexTable.Token(Invitation.TokenPurpose, IdGenerator.Hash(token)), CancellationToken.None));

        // The new admin acts as one.
        (await f.As(invitee).Post($"/api/customers/{customer}/invitations", new { email = $"next-{Guid.NewGuid():N}@example.test", fullName = "Next" })).Is(201);

        (await Accept(invitee, token)).IsProblem(410, "invitation-invalid");
        (await Accept(TestUser.New("thief"), token)).IsProblem(410, "invitation-invalid");
    }

    [Fact]
    public async Task TheMemberFallsBackToTheInvitationsNameAndEmail_WhenTheTokenHasNone()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var invitee = TestUser.New("bare");
        var (_, token) = await Seed.Invite(f, customer, admin, invitee);
        var bare = Core.Auth.DevelopmentTokens.Mint(ServiceFixture.SigningKey, invitee.Id, null, null, false, f.Time.GetUtcNow(), TimeSpan.FromHours(1), null);
        var client = new ApiClient(f.Http, f.BaseAddress, bare);

        (await client.Post("/api/invitations/accept", new { token })).Is(200);
        var row = (await f.StorageClients.Accounts.GetEntityAsync<Azure.Data.Tables.TableEntity>(customer, AccountPartition.Members.Key(MemberRow.Id(invitee.Id)))).Value;
        Assert.Equal(invitee.Email, row.GetString("Email"));
        Assert.Equal(invitee.Name, row.GetString("Name"));
    }

    [Fact]
    public async Task ExpiredUnknownAndMalformedTokens_GetTheSameAnswer()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var invitee = TestUser.New("inv");
        var (_, token) = await Seed.Invite(f, customer, admin, invitee);
        var unknown = (await Accept(invitee, IdGenerator.NewToken())).IsProblem(410, "invitation-invalid");
        (await Accept(invitee, "%%% not a token %%%")).IsProblem(410, "invitation-invalid");

        f.Time.Advance(TimeSpan.FromDays(8));
        var expired = (await Accept(invitee, token)).IsProblem(410, "invitation-invalid");
        Assert.Equal(unknown.Text, expired.Text);
        Assert.Empty(await AccountRows.WithPrefix(f, customer, AccountPartition.Members.Key(MemberRow.Id(invitee.Id))));
    }

    [Theory]
    [InlineData("{}", "token")]
    [InlineData("{\"token\":\"\"}", "token")]
    [InlineData("{\"token\":5}", "token")]
    [InlineData("{\"token\":\"abc\",\"role\":\"customerAdmin\"}", "role")]
    public async Task BadBodies_Are400(string json, string field)
    {
        var reply = (await f.As(TestUser.New("x")).SendRaw(HttpMethod.Post, "/api/invitations/accept", json)).IsProblem(400);
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty(field, out _), reply.Text);
    }

    [Fact]
    public async Task AnonymousCallers_Get401()
    {
        (await f.Anonymous.Post("/api/invitations/accept", new { token = IdGenerator.NewToken() })).IsProblem(401);
    }

    [Fact]
    public async Task TwoParallelAcceptsOfOneToken_ExactlyOneSucceeds()
    {
        for (var round = 0; round < 3; round++)
        {
            var (customer, admin) = await CustomerWithAdmin();
            var (_, token) = await Seed.Invite(f, customer, admin, TestUser.New("inv"));
            var first = TestUser.New("racer");
            var second = TestUser.New("racer");

            var replies = await Task.WhenAll(Accept(first, token), Accept(second, token), Accept(first, token));

            Assert.Single(replies, r => r.Status == 200);
            Assert.All(replies.Where(r => r.Status != 200), r => r.IsProblem(410, "invitation-invalid"));
            Assert.Equal(2, (await AccountRows.WithPrefix(f, customer, MemberRow.Prefix)).Count);
            Assert.Single(await AccountRows.Events(f, customer), e => e.Type == EventTypes.UserAcceptedInvitation);
        }
    }

    [Fact]
    public async Task AnExistingMemberAccepting_KeepsTheirRole_AndUsesUpTheInvitation()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var employee = TestUser.New("cemp");
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);
        // Invited under another address (the member's email check cannot know it is the same person).
        var alias = employee with { Email = $"alias-{Guid.NewGuid():N}@example.test" };
        var (id, token) = await Seed.Invite(f, customer, admin, alias, "customerAdmin");

        var reply = (await Accept(employee, token)).Is(200);
        Assert.True(reply.Json.GetProperty("alreadyMember").GetBoolean());
        Assert.Equal("customerEmployee", reply.Str("role"));
        Assert.Equal("accepted", (await f.As(admin).Get($"/api/customers/{customer}/invitations/{id}")).Str("state"));
        var row = (await f.StorageClients.Accounts.GetEntityAsync<Azure.Data.Tables.TableEntity>(customer, AccountPartition.Members.Key(MemberRow.Id(employee.Id)))).Value;
        Assert.Equal(nameof(MemberRole.CustomerEmployee), row.GetString("Role"));
    }

    [Fact]
    public async Task AcceptingAPartnerInvitation_LetsTheNewPartnerMemberActOnItsCustomers()
    {
        var partner = await Seed.Partner(f, op);
        var customer = await Seed.Customer(f, op, partner);
        var invitee = TestUser.New("newpartner");
        (await f.As(invitee).Get($"/api/customers/{customer}")).IsProblem(404);

        await Seed.InviteAndAccept(f, partner, op, invitee, "partnerAdmin");

        (await f.As(invitee).Get($"/api/customers/{customer}")).Is(200);
        (await f.As(invitee).Post($"/api/customers/{customer}/members/me")).Is(201);
    }

    [Fact]
    public async Task AnInvitationToADeletedAccountsPartition_ThatNoLongerHoldsTheRow_IsInvalid()
    {
        var (customer, admin) = await CustomerWithAdmin();
        var invitee = TestUser.New("inv");
        var (id, token) = await Seed.Invite(f, customer, admin, invitee);
        await f.StorageClients.Accounts.DeleteEntityAsync(customer, Invitation.RowKeyFor(id));

        (await Accept(invitee, token)).IsProblem(410, "invitation-invalid");
    }
}
