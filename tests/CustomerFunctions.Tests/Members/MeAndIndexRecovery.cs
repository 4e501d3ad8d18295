using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Members;

/// <summary><c>GET /api/me</c>, and the membership index converging after a crash between a commit and its side effects.</summary>
public sealed class MeAndIndexRecovery(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<List<JsonElement>> Memberships(TestUser user) =>
        [.. (await f.As(user).Get("/api/me")).Is(200).Json.GetProperty("memberships").EnumerateArray()];

    [Fact]
    public async Task Me_NamesTheCaller_AndEveryAccountTheyBelongTo()
    {
        var partner = await Seed.Partner(f, op);
        var customer = await Seed.Customer(f, op, partner);
        var user = TestUser.New("multi");
        await Seed.Member(f, partner, user, MemberRole.PartnerEmployee);
        await Seed.Member(f, customer, user, MemberRole.CustomerAdmin);

        var me = (await f.As(user).Get("/api/me")).Is(200);
        Assert.Equal(user.Id, me.Str("userId"));
        Assert.Equal(user.Email, me.Str("email"));
        Assert.False(me.Json.GetProperty("isOperator").GetBoolean());
        var memberships = me.Json.GetProperty("memberships").EnumerateArray().OrderBy(m => m.GetProperty("kind").GetString()).ToList();
        Assert.Equal(2, memberships.Count);
        Assert.Equal(customer, memberships[0].GetProperty("customerId").GetString());
        Assert.Equal("Customer " + customer, memberships[0].GetProperty("name").GetString());
        Assert.Equal("customer", memberships[0].GetProperty("kind").GetString());
        Assert.Equal("customerAdmin", memberships[0].GetProperty("role").GetString());
        Assert.Equal(partner, memberships[1].GetProperty("customerId").GetString());
        Assert.Equal("partner", memberships[1].GetProperty("kind").GetString());
        Assert.Equal("partnerEmployee", memberships[1].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Me_ForAnOperatorWithoutMemberships_AndForAnonymousCallers()
    {
        var me = (await f.As(op).Get("/api/me")).Is(200);
        Assert.True(me.Json.GetProperty("isOperator").GetBoolean());
        Assert.Equal(0, me.Json.GetProperty("memberships").GetArrayLength());
        (await f.Anonymous.Get("/api/me")).IsProblem(401);
    }

    [Fact]
    public async Task CrashAfterCommittingAddMyself_TheRecoveryWorkerBringsTheMembershipIndexRight()
    {
        var customer = await Seed.Customer(f, op);
        await AccountRows.RecoveryQueueDrained(f);
        f.Faults.FailWhen(point => point == FaultInjection.AfterCommit);
        try
        {
            (await f.As(op).Post($"/api/customers/{customer}/members/me")).IsProblem(500);
            // The command committed (member row and outbox row), its side effects did not run.
            Assert.Single(await AccountRows.WithPrefix(f, customer, MemberRow.Prefix));
            Assert.Single(await AccountRows.Outbox(f, customer));
            Assert.Empty(await Memberships(op));
        }
        finally
        {
            f.Faults.FailWhen(null);
        }

        await AccountRows.Eventually(async () => (await Memberships(op)).Count == 1, "the recovery worker indexed the membership");
        Assert.Equal(customer, (await Memberships(op))[0].GetProperty("customerId").GetString());
        await AccountRows.Eventually(async () => (await AccountRows.Outbox(f, customer)).Count == 0, "the outbox row is gone");
    }

    [Fact]
    public async Task CrashAfterCommittingARemoval_TheIndexLosesTheMembership_AndAStaleReplayCannotBringItBack()
    {
        var customer = await Seed.Customer(f, op);
        var admin = TestUser.New("cadmin");
        var employee = TestUser.New("cemp");
        await Seed.Member(f, customer, admin, MemberRole.CustomerAdmin);
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);
        var index = f.Services.GetRequiredService<IndexTable>();
        var before = (await index.Table.GetEntityAsync<TableEntity>(IndexTable.UserMemberships(employee.Id), customer)).Value;
        await AccountRows.RecoveryQueueDrained(f);

        f.Faults.FailWhen(point => point == FaultInjection.AfterCommit);
        try
        {
            (await f.As(admin).Delete($"/api/customers/{customer}/members/{employee.Id}")).IsProblem(500);
            Assert.Single(await Memberships(employee));
        }
        finally
        {
            f.Faults.FailWhen(null);
        }

        await AccountRows.Eventually(async () => (await Memberships(employee)).Count == 0, "the recovery worker removed the membership");
        // A late write of the old membership (a delayed duplicate) carries the old version and cannot undo the tombstone.
        var stale = before.Keys.Where(k => k is "AccountId" or "AccountName" or "Kind" or "Role").ToDictionary(k => k, k => (object?)before[k]);
        await index.WriteAsync(IndexTable.UserMemberships(employee.Id), customer, before.GetInt64("Version")!.Value, stale, CancellationToken.None);
        await new SyncMembership(employee.Id).RunAsync(customer, f.Services, CancellationToken.None);
        Assert.Empty(await Memberships(employee));
        var row = await index.Table.GetEntityAsync<TableEntity>(IndexTable.UserMemberships(employee.Id), customer);
        Assert.True(row.Value.GetBoolean("Removed"));
    }
}
