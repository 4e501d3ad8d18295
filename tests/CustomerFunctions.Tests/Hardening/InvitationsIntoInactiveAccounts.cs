using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Hardening;

/// <summary>Nobody joins a disabled account or one awaiting approval; the invitation waits and works once the account is active.</summary>
public sealed class InvitationsIntoInactiveAccounts(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<bool> IsMember(string customer, TestUser user) =>
        (await AccountRows.WithPrefix(f, customer, AccountPartition.Members.Key(MemberRow.Id(user.Id)))).Count > 0;

    [Fact]
    public async Task AcceptingIntoADisabledAccount_Is409_UntilItIsEnabled()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        var invitee = TestUser.New("inv");
        var (id, token) = await Seed.Invite(f, customer, admin, invitee);
        (await f.As(op).Put($"/api/customers/{customer}/status", new { status = "disabled" })).Is(200);

        (await f.As(invitee).Post("/api/invitations/accept", new { token })).IsProblem(409, "account-disabled");
        Assert.False(await IsMember(customer, invitee));
        Assert.Equal("pending", (await f.As(op).Get($"/api/customers/{customer}/invitations/{id}")).Is(200).Str("state"));

        (await f.As(op).Put($"/api/customers/{customer}/status", new { status = "active" })).Is(200);
        (await f.As(invitee).Post("/api/invitations/accept", new { token })).Is(200);
        Assert.True(await IsMember(customer, invitee));
    }

    [Fact]
    public async Task AcceptingIntoAnAccountPendingApproval_Is409_ThenWorksOnceApproved()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        var invitee = TestUser.New("inv");
        var (_, token) = await Seed.Invite(f, customer, admin, invitee);
        await Seed.Status(f, customer, AccountStatus.PendingApproval);

        (await f.As(invitee).Post("/api/invitations/accept", new { token })).IsProblem(409, "account-pending-approval");
        Assert.False(await IsMember(customer, invitee));

        (await f.As(op).Post($"/api/customers/{customer}/approval")).Is(200);
        (await f.As(invitee).Post("/api/invitations/accept", new { token })).Is(200);
        Assert.True(await IsMember(customer, invitee));
    }
}
