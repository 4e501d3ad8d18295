using System.Collections.Concurrent;
using System.Diagnostics;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Emails;

/// <summary>The email queue worker of src/Server with a scripted sender: duplicates, throttling, transient failures.</summary>
public sealed class DeliveringQueuedEmails(DeliveringQueuedEmails.Fixture f) : IClassFixture<DeliveringQueuedEmails.Fixture>
{
    public sealed class Fixture : ServiceFixture
    {
        public ScriptedSender Sender { get; } = new();

        protected override IEnumerable<(string Key, string Value)> Settings() =>
        [
            ("Queues:VisibilityTimeout", "00:00:01"),
            ("Queues:MaxDequeueCount", "3"),
            ("Email:BusyRecheckDelay", "00:00:01"),
        ];

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IEmailSender>(Sender);
    }

    /// <summary>Counts sends per email; can be slow, and can fail or throttle an email's first tries.</summary>
    public sealed class ScriptedSender : IEmailSender
    {
        public ConcurrentDictionary<string, ConcurrentQueue<Exception>> Failures { get; } = new();
        public ConcurrentDictionary<string, int> Attempts { get; } = new();
        public ConcurrentDictionary<string, ConcurrentQueue<DateTime>> Sent { get; } = new();
        public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(300);

        public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
        {
            Attempts.AddOrUpdate(email.Id, 1, (_, n) => n + 1);
            await Task.Delay(Delay, cancellationToken);
            if (Failures.TryGetValue(email.Id, out var failures) && failures.TryDequeue(out var failure))
            {
                throw failure;
            }
            Sent.GetOrAdd(email.Id, _ => new()).Enqueue(DateTime.UtcNow);
        }

        public int SentCount(string id) => Sent.TryGetValue(id, out var times) ? times.Count : 0;
    }

    private static EmailMessage NewEmail() =>
        new(Guid.CreateVersion7().ToString("N"), InvitationEmails.Invitation, "de", Ids.Account("to") + "@example.test", "Tester", new Dictionary<string, string>
        {
            ["fullName"] = "Tester",
            ["accountName"] = "Acme",
        });

    private async Task WaitUntilQueueIsEmptyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var properties = await f.StorageClients.EmailQueue.GetPropertiesAsync();
            if (properties.Value.ApproximateMessagesCount == 0)
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail("The emails queue did not drain in time.");
    }

    [Fact]
    public async Task AMessageDeliveredManyTimesAtOnce_SendsOnce()
    {
        var email = NewEmail();
        var queue = f.Services.GetRequiredService<EmailQueue>();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => queue.EnqueueAsync(email, CancellationToken.None)));
        await WaitUntilQueueIsEmptyAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, f.Sender.SentCount(email.Id));
        Assert.Equal(1, f.Sender.Attempts[email.Id]);
    }

    [Fact]
    public async Task TheHandlerCalledTwiceInParallel_SendsOnce()
    {
        var email = NewEmail();
        var text = System.Text.Json.JsonSerializer.Serialize(email, Core.Http.Json.Options);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => f.EmailHandler.HandleAsync(text, CancellationToken.None)));
        await f.EmailHandler.HandleAsync(text, CancellationToken.None);
        await WaitUntilQueueIsEmptyAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, f.Sender.SentCount(email.Id));
    }

    [Fact]
    public async Task AThrottledEmail_WaitsForRetryAfterWithoutCountingAsAFailedTry()
    {
        var email = NewEmail();
        // More throttled answers than Queues:MaxDequeueCount: waiting must never push the email to the poison queue.
        f.Sender.Failures[email.Id] = new(Enumerable.Range(0, 4).Select(_ => new EmailThrottledException(TimeSpan.FromSeconds(1), "slow down")));
        var clock = Stopwatch.StartNew();

        await f.Services.GetRequiredService<EmailQueue>().EnqueueAsync(email, CancellationToken.None);
        await WaitUntilQueueIsEmptyAsync(TimeSpan.FromSeconds(40));

        Assert.Equal(1, f.Sender.SentCount(email.Id));
        Assert.Equal(5, f.Sender.Attempts[email.Id]);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(4), $"Sent after {clock.Elapsed}: the Retry-After waits were not honoured.");
        Assert.DoesNotContain((await f.StorageClients.EmailPoisonQueue.PeekMessagesAsync(32)).Value, m => m.Body.ToString().Contains(email.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASendThatFailsOnce_IsRetriedAndSentOnce()
    {
        var email = NewEmail();
        f.Sender.Failures[email.Id] = new([new InvalidOperationException("relay hiccup")]);

        await f.Services.GetRequiredService<EmailQueue>().EnqueueAsync(email, CancellationToken.None);
        await WaitUntilQueueIsEmptyAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, f.Sender.SentCount(email.Id));
        Assert.Equal(2, f.Sender.Attempts[email.Id]);
    }
}
