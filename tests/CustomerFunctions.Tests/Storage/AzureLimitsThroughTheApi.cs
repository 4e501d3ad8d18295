using System.Text;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Storage;

/// <summary>
/// The largest things the API accepts, written through the server's storage clients (which refuse what Azure refuses):
/// each of these was a 500 when an outbox row or an idempotency record held its JSON in one property.
/// </summary>
public sealed class AzureLimitsThroughTheApi(AzureLimitsThroughTheApi.Fixture f) : IClassFixture<AzureLimitsThroughTheApi.Fixture>
{
    private readonly TestUser op = TestUser.Operator();

    /// <summary>Text of exactly <paramref name="length"/> characters, none of them ASCII (the API's JSON escapes each to six).</summary>
    private static string NonAscii(int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append("Ğřüßė–東京€");
        }
        return text.ToString(0, length - 1) + "ü";
    }

    [Fact]
    public async Task DeletionRequest_WithTheLongestNonAsciiReason_ToTwentyFourAdmins_Is201_AndEveryAdminGetsTheWholeReason()
    {
        var partner = await Seed.Partner(f, op);
        var customer = await Seed.Customer(f, op, partner);
        var admins = new List<TestUser>();
        for (var i = 0; i < 12; i++)
        {
            var partnerAdmin = TestUser.New("padmin");
            var customerAdmin = TestUser.New("cadmin");
            await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);
            await Seed.Member(f, customer, customerAdmin, MemberRole.CustomerAdmin);
            admins.AddRange([partnerAdmin, customerAdmin]);
        }
        var reason = NonAscii(2000);

        var created = (await f.As(admins[1]).Post($"/api/customers/{customer}/deletion-request", new { reason })).Is(201);

        Assert.Equal(reason, created.Str("reason"));
        foreach (var admin in admins)
        {
            var mail = Assert.Single(await f.Mail.WaitFor(admin.Email));
            Assert.Contains(reason, mail.TextBody, StringComparison.Ordinal);
        }
        await AccountRows.Eventually(async () => (await AccountRows.Outbox(f, customer)).Count == 0, "the outbox rows are gone");
    }

    [Fact]
    public async Task Message_WithTheLongestNonAsciiBody_UnderAnIdempotencyKey_Is201_AndTheRetryReplaysTheSameAnswer()
    {
        var customer = await Seed.Customer(f, op);
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var message = new { subject = NonAscii(200), body = NonAscii(10_000), mode = "allMustRead" };

        var first = (await f.As(op).Post($"/api/customers/{customer}/messages", message, headers)).Is(201);
        var replay = (await f.As(op).Post($"/api/customers/{customer}/messages", message, headers)).Is(201);

        Assert.Equal(first.Text, replay.Text);
        Assert.Equal(first.Location, replay.Location);
        Assert.Equal(message.body, first.Str("body"));
        var stored = (await f.As(op).Get(first.Location!)).Is(200);
        Assert.Equal(message.body, stored.Str("body"));
        Assert.Single((await f.As(op).Get($"/api/customers/{customer}/messages")).Is(200).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task EffectsBeyondOneRow_SpreadOverSeveralOutboxRows_AndRecoveryRunsEveryOne()
    {
        var customer = await Seed.Customer(f, op);
        var store = f.Services.GetRequiredService<AccountStore>();
        var recipients = Enumerable.Range(0, 250).Select(i => $"many-{i}-{Guid.NewGuid():N}@example.test").ToList();
        var text = new string('x', 2000);
        var session = await store.OpenAsync(customer, null, new Caller("test", null, null, IsOperator: true));
        foreach (var to in recipients)
        {
            session.Effect(new SendEmail(new EmailMessage(Guid.NewGuid().ToString("N"), "deletion-cancelled", "en", to, null,
                new Dictionary<string, string> { ["cancelledBy"] = text, ["cancelledAt"] = "now", ["recipientName"] = "R", ["accountName"] = "A", ["accountId"] = customer })));
        }

        // The process "crashes" right after the commit, so the rows stay for the recovery worker to run.
        f.Faults.FailWhen(point => point == FaultInjection.AfterCommit);
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitAsync(ApiResponse.NoContent()));
        }
        finally
        {
            f.Faults.FailWhen(null);
        }
        var rows = await AccountRows.Outbox(f, customer);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.True(row.ContainsKey("Effects1")));

        Assert.Equal(2, await f.Services.GetRequiredService<Outbox>().DrainAsync(customer, CancellationToken.None));
        Assert.Empty(await AccountRows.Outbox(f, customer));
        await f.Mail.WaitFor(recipients[0], timeout: TimeSpan.FromSeconds(60));
        await f.Mail.WaitFor(recipients[^1], timeout: TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Outbox recovery held back past any test, so a test that leaves outbox rows runs the recovery itself; no platform
    /// email budget, since one test sends 250 emails at once (the budget has tests of its own).
    /// </summary>
    public sealed class Fixture : ServiceFixture
    {
        protected override IEnumerable<(string Key, string Value)> Settings() => [("Outbox:RecoveryDelay", "00:10:00"), ("Email:Budget", "0")];
    }
}
