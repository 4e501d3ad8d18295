using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Tests.Emails;

/// <summary>src/Server configured for SMTP to a port where nothing listens: every send fails.</summary>
public sealed class PoisonedEmails(PoisonedEmails.Fixture f) : IClassFixture<PoisonedEmails.Fixture>
{
    public sealed class Fixture : ServiceFixture
    {
        public LogSink Logs { get; } = new();

        protected override IEnumerable<(string Key, string Value)> Settings() =>
        [
            ("Email:Provider", "smtp"),
            ("Email:Smtp:Host", "127.0.0.1"),
            ("Email:Smtp:Port", NodeTools.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Email:Smtp:Security", "None"),
            ("Queues:VisibilityTimeout", "00:00:01"),
            ("Queues:MaxDequeueCount", "2"),
        ];

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
    }

    [Fact]
    public async Task AnEmailThatKeepsFailing_EndsInThePoisonQueueWithItsErrorLogged()
    {
        var email = new EmailMessage(Guid.CreateVersion7().ToString("N"), InvitationEmails.Invitation, "en", "lost@example.test", null,
            new Dictionary<string, string> { ["fullName"] = "Lost" })
        { AccountId = "acct-poison" };

        await f.Services.GetRequiredService<EmailQueue>().EnqueueAsync(email, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? poisoned = null;
        while (poisoned is null && DateTime.UtcNow < deadline)
        {
            var peeked = (await f.StorageClients.EmailPoisonQueue.PeekMessagesAsync(32)).Value;
            poisoned = peeked.Select(m => m.Body.ToString()).FirstOrDefault(b => b.Contains(email.Id, StringComparison.Ordinal));
            await Task.Delay(200);
        }
        Assert.NotNull(poisoned);
        // Kept sealed: the address is not readable in the queue, yet the kept email opens to what was queued.
        Assert.DoesNotContain("lost@example.test", poisoned);
        var kept = poisoned.Contains("\"failedAt\"", StringComparison.Ordinal)
            ? System.Text.Json.JsonSerializer.Deserialize<FailedEmail>(poisoned, CustomerFunctions.Core.Http.Json.Options)!.Email
            : System.Text.Json.JsonSerializer.Deserialize<EmailMessage>(poisoned, CustomerFunctions.Core.Http.Json.Options)!;
        Assert.Equal("lost@example.test", (await f.Services.GetRequiredService<QueuedEmailSeal>().OpenAsync(kept, CancellationToken.None))?.To);

        var failures = f.Logs.Entries.Where(e => e.Level == LogLevel.Error && e.Message.Contains(email.Id, StringComparison.Ordinal) && e.Message.Contains("failed", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, e => Assert.IsType<System.Net.Sockets.SocketException>(e.Exception, exactMatch: false));
        Assert.Contains("acct-poison", failures[0].Message);
        Assert.Contains(f.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("poison", StringComparison.Ordinal));
        // The failed tries left no claim behind: nothing is marked sent.
        Assert.False((await f.StorageClients.SentEmails.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(email.Id, "")).HasValue);
    }
}
