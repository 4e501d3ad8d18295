using System.Diagnostics.Metrics;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Tests.Infrastructure;
using CustomerFunctions.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Emails;

/// <summary>Email:RateLimit holds emails over the rate on the queue until the window (on the server's clock) moves on.</summary>
public sealed class RateLimitedEmails(RateLimitedEmails.Fixture f) : IClassFixture<RateLimitedEmails.Fixture>
{
    public sealed class Fixture : ServiceFixture
    {
        public DeliveringQueuedEmails.ScriptedSender Sender { get; } = new() { Delay = TimeSpan.Zero };

        protected override IEnumerable<(string Key, string Value)> Settings() =>
        [
            ("Email:RateLimit", "2"),
            ("Email:RateWindow", "00:00:02"),
        ];

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IEmailSender>(Sender);
    }

    [Fact]
    public async Task EmailsOverTheRate_WaitForTheWindowThenGoOut()
    {
        using var metrics = new MeasurementLog(f.Services.GetRequiredService<IMeterFactory>());
        var queue = f.Services.GetRequiredService<EmailQueue>();
        var emails = Enumerable.Range(0, 3).Select(i => new EmailMessage(Guid.CreateVersion7().ToString("N"), InvitationEmails.Invitation, "en",
            $"rate{i}@example.test", null, new Dictionary<string, string>())).ToList();

        foreach (var email in emails)
        {
            await queue.EnqueueAsync(email, CancellationToken.None);
        }
        await WaitUntil(() => emails.Sum(e => f.Sender.SentCount(e.Id)) >= 2, TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(4));

        // The server's clock has not moved: the window is still full, however often the third email comes back.
        Assert.Equal(2, emails.Sum(e => f.Sender.SentCount(e.Id)));
        // Each time it came back it was counted as deferred by the rate.
        Assert.InRange(metrics.Sum("customerfunctions.emails.deferred", ("template", InvitationEmails.Invitation), ("reason", "rate")), 1, 100);

        f.Time.Advance(TimeSpan.FromSeconds(3));
        await WaitUntil(() => emails.Sum(e => f.Sender.SentCount(e.Id)) == 3, TimeSpan.FromSeconds(20));
        Assert.All(emails, e => Assert.Equal(1, f.Sender.SentCount(e.Id)));
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(100);
        }
    }
}
