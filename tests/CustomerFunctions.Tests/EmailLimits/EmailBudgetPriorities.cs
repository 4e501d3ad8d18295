using System.Diagnostics.Metrics;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Tests.Emails;
using CustomerFunctions.Tests.Infrastructure;
using CustomerFunctions.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.EmailLimits;

/// <summary>
/// A budget of 10 emails per window (3 s on the server's clock, so deferred emails come back within real seconds),
/// of which notices may use 7. The clock stands still unless a test moves it, so the window does not end by itself.
/// </summary>
public sealed class EmailBudgetPriorities(EmailBudgetPriorities.Fixture f) : IClassFixture<EmailBudgetPriorities.Fixture>
{
    public sealed class Fixture : ServiceFixture
    {
        public DeliveringQueuedEmails.ScriptedSender Sender { get; } = new() { Delay = TimeSpan.Zero };

        protected override IEnumerable<(string Key, string Value)> Settings() =>
        [
            ("Email:Budget", "10"),
            ("Email:NoticeReserve", "3"),
            ("Email:BudgetWindow", "00:00:03"),
        ];

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IEmailSender>(Sender);
    }

    private static EmailMessage Email(string template, int i) =>
        new(Guid.CreateVersion7().ToString("N"), template, "en", $"budget{i}-{Guid.NewGuid():N}@example.test", null, new Dictionary<string, string>()) { AccountId = "acct-budget" };

    [Fact]
    public async Task WithTheBudgetNearlySpentByNotices_AnInvitationStillGoesOut_AndNoticesWaitWithoutBeingLost()
    {
        using var metrics = new MeasurementLog(f.Services.GetRequiredService<IMeterFactory>());
        var queue = f.Services.GetRequiredService<EmailQueue>();
        var notices = Enumerable.Range(0, 10).Select(i => Email(DeletionEmails.Requested, i)).ToList();
        foreach (var notice in notices)
        {
            await queue.EnqueueAsync(notice, CancellationToken.None);
        }
        int NoticesSent() => notices.Sum(n => f.Sender.SentCount(n.Id));
        await WaitUntil(() => NoticesSent() == 7);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(7, NoticesSent());
        // Each notice turned back was counted as deferred by the budget.
        Assert.InRange(metrics.Sum("customerfunctions.emails.deferred", ("template", DeletionEmails.Requested), ("reason", "budget")), 3, 100);

        // Three sends are left, all reserved: the invitation takes one of them at once.
        var invitation = Email(InvitationEmails.Invitation, 99);
        await queue.EnqueueAsync(invitation, CancellationToken.None);
        await WaitUntil(() => f.Sender.SentCount(invitation.Id) == 1);
        Assert.Equal(7, NoticesSent());

        // The three notices wait on the queue (invisible until the window ends), not in the poison queue.
        Assert.Equal(3, (await f.StorageClients.EmailQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await f.StorageClients.EmailPoisonQueue.PeekMessagesAsync(32)).Value);

        f.Time.Advance(TimeSpan.FromSeconds(3));
        await WaitUntil(() => NoticesSent() == 10);
        Assert.All(notices, n => Assert.Equal(1, f.Sender.SentCount(n.Id)));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(100);
        }
    }
}
