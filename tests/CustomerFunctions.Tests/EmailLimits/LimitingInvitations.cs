using System.Globalization;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.EmailLimits;

/// <summary>
/// The default limits (Invitations:PerAccountPerHour 20, PerRecipientPerDay 5, ResendsPerInvitationPerDay 3), tried
/// as an abuser would: many invitations from one account, many resends, many accounts mailing one address.
/// </summary>
public sealed class LimitingInvitations(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private static object Body(string email) => new { email, fullName = "Some One" };

    private static string Address(string label) => $"{label}-{Guid.NewGuid():N}@example.test";

    private static int RetryAfter(Reply reply) => int.Parse(reply.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheTwentyFirstInvitationFromOneAccountWithinAnHour_Is429WithRetryAfter_AndChangesNothing()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        var client = f.As(admin);
        for (var i = 0; i < 20; i++)
        {
            (await client.Post($"/api/customers/{customer}/invitations", Body(Address("many")))).Is(201);
        }
        var refused = Address("refused");
        var limited = (await client.Post($"/api/customers/{customer}/invitations", Body(refused))).IsProblem(429, "too-many-requests");
        Assert.InRange(RetryAfter(limited), 1, 3600);

        var rows = (await AccountRows.WithPrefix(f, customer, InvitationRow.Prefix)).Select(AccountPartition.Invitations.FromEntity).ToList();
        Assert.Equal(20, rows.Count);
        Assert.DoesNotContain(rows, i => i.Email == refused);
        await Task.Delay(500);
        Assert.Empty(f.Mail.To(refused));

        // Another account is not held back, and an hour later this one may invite again.
        var (other, otherAdmin) = await Seed.CustomerWithAdmin(f, op);
        (await f.As(otherAdmin).Post($"/api/customers/{other}/invitations", Body(Address("other")))).Is(201);
        f.Time.Advance(TimeSpan.FromHours(1));
        (await client.Post($"/api/customers/{customer}/invitations", Body(refused))).Is(201);
    }

    [Fact]
    public async Task ParallelInvitationsFromOneAccount_NeverPassTheLimit()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        var client = f.As(admin);
        var replies = (await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.Post($"/api/customers/{customer}/invitations", Body(Address("race")))))).ToList();
        Assert.InRange(replies.Count(r => r.Status == 201), 1, 20);

        // Whatever lost the races, inviting on until refused ends at exactly the limit.
        while (replies[^1].Status != 429)
        {
            replies.Add(await client.Post($"/api/customers/{customer}/invitations", Body(Address("after"))));
            Assert.True(replies.Count < 60, "The limit never refused.");
        }
        Assert.True(20 == replies.Count(r => r.Status == 201), string.Join(",", replies.Select(r => r.Status)));
        Assert.Equal(20, (await AccountRows.WithPrefix(f, customer, InvitationRow.Prefix)).Count);
    }

    [Fact]
    public async Task TheFourthResendOfOneInvitationWithinADay_Is429_AndSendsNoEmail()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        var invitee = TestUser.New("resent");
        var (id, _) = await Seed.Invite(f, customer, admin, invitee);
        for (var i = 0; i < 3; i++)
        {
            (await f.As(admin).Post($"/api/customers/{customer}/invitations/{id}/resend")).Is(200);
        }
        await f.Mail.WaitFor(invitee.Email, 4);

        var limited = (await f.As(admin).Post($"/api/customers/{customer}/invitations/{id}/resend")).IsProblem(429, "too-many-requests");
        Assert.InRange(RetryAfter(limited), 1, 86400);
        await Task.Delay(500);
        Assert.Equal(4, f.Mail.To(invitee.Email).Count);
        var row = AccountPartition.Invitations.FromEntity((await AccountRows.WithPrefix(f, customer, AccountPartition.Invitations.Key(id))).Single());
        Assert.Equal(3, row.ResendCount);

        f.Time.Advance(TimeSpan.FromDays(1));
        (await f.As(admin).Post($"/api/customers/{customer}/invitations/{id}/resend")).Is(200);
    }

    [Fact]
    public async Task TwoAccountsTogether_CannotMailOneAddressMoreThanTheDailyLimit_AndTheAddressIsNotStored()
    {
        var victim = Address("victim");
        var (first, firstAdmin) = await Seed.CustomerWithAdmin(f, op);
        var (second, secondAdmin) = await Seed.CustomerWithAdmin(f, op);
        var firstInvitation = (await f.As(firstAdmin).Post($"/api/customers/{first}/invitations", Body(victim))).Is(201).Str("id");
        (await f.As(firstAdmin).Post($"/api/customers/{first}/invitations/{firstInvitation}/resend")).Is(200);
        (await f.As(firstAdmin).Post($"/api/customers/{first}/invitations/{firstInvitation}/resend")).Is(200);
        var secondInvitation = (await f.As(secondAdmin).Post($"/api/customers/{second}/invitations", Body(victim))).Is(201).Str("id");
        (await f.As(secondAdmin).Post($"/api/customers/{second}/invitations/{secondInvitation}/resend")).Is(200);

        // Five emails reached the address: each account is within its own limits, but the address is not.
        var limited = (await f.As(secondAdmin).Post($"/api/customers/{second}/invitations/{secondInvitation}/resend")).IsProblem(429, "too-many-requests");
        Assert.InRange(RetryAfter(limited), 1, 86400);
        var (third, thirdAdmin) = await Seed.CustomerWithAdmin(f, op);
        (await f.As(thirdAdmin).Post($"/api/customers/{third}/invitations", Body(victim.ToUpperInvariant()))).IsProblem(429, "too-many-requests");
        Assert.Empty(await AccountRows.WithPrefix(f, third, InvitationRow.Prefix));
        await f.Mail.WaitFor(victim, 5);
        await Task.Delay(500);
        Assert.Equal(5, f.Mail.To(victim).Count);

        // The count sits under a hash of the address: the address itself is nowhere in the counters.
        var counters = f.StorageClients.TableService.GetTableClient(RateCounters.TableName);
        var all = new List<TableEntity>();
        await foreach (var row in counters.QueryAsync<TableEntity>())
        {
            all.Add(row);
        }
        Assert.NotEmpty(all);
        Assert.DoesNotContain(all, r => r.PartitionKey.Contains("victim", StringComparison.OrdinalIgnoreCase) || r.Any(kv => kv.Value?.ToString()?.Contains("victim", StringComparison.OrdinalIgnoreCase) == true));

        f.Time.Advance(TimeSpan.FromDays(1));
        (await f.As(thirdAdmin).Post($"/api/customers/{third}/invitations", Body(victim))).Is(201);
    }

    [Fact]
    public async Task CustomersCreatedWithTheSameFirstAdmin_CannotMailOneAddressMoreThanTheDailyLimit()
    {
        var victim = Address("first-admin");
        object Customer(string id) => new { id, name = "Flood " + id, admin = new { email = victim, fullName = "Some One" } };
        var ids = Enumerable.Range(0, 6).Select(_ => "flood" + Guid.NewGuid().ToString("N")[..12]).ToList();
        foreach (var id in ids.Take(5))
        {
            (await f.As(op).Post("/api/customers", Customer(id))).Is(201);
        }
        var limited = (await f.As(op).Post("/api/customers", Customer(ids[5]))).IsProblem(429, "too-many-requests");
        Assert.InRange(RetryAfter(limited), 1, 86400);

        // The refused creation left nothing: no account, no invitation, no sixth email.
        (await f.As(op).Get($"/api/customers/{ids[5]}")).Is(404);
        Assert.Empty(await f.StorageClients.Accounts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ids[5]}")).ToListAsync());
        await f.Mail.WaitFor(victim, 5);
        await Task.Delay(500);
        Assert.Equal(5, f.Mail.To(victim).Count);
        f.Time.Advance(TimeSpan.FromDays(1));
        (await f.As(op).Post("/api/customers", Customer(ids[5]))).Is(201);
    }
}
