using System.Text.Json;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Tests.Emails;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.EmailLimits;

/// <summary>Emails whose last try fails are kept in emails-poison without expiry, and operators see them without personal data.</summary>
public sealed class KeptFailedEmails(KeptFailedEmails.Fixture f) : IClassFixture<KeptFailedEmails.Fixture>
{
    public sealed class Fixture : ServiceFixture
    {
        public DeliveringQueuedEmails.ScriptedSender Sender { get; } = new() { Delay = TimeSpan.Zero };

        protected override IEnumerable<(string Key, string Value)> Settings() =>
        [
            ("Email:MaxAttempts", "2"),
            ("Queues:MaxDequeueCount", "3"),
            ("Queues:VisibilityTimeout", "00:00:01"),
        ];

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IEmailSender>(Sender);
    }

    [Fact]
    public async Task AnEmailFailingItsLastTry_IsKeptWithoutExpiry_AndListedForOperatorsWithoutItsAddress()
    {
        const string address = "kept-person@example.test";
        var email = new EmailMessage(Guid.CreateVersion7().ToString("N"), InvitationEmails.Invitation, "en", address, "Kept Person",
            new Dictionary<string, string> { ["fullName"] = "Kept Person", ["link"] = "https://panel.test/invitations/accept?token=secret-token" })
        { AccountId = "acct-kept" };
        f.Sender.Failures[email.Id] = new([
            new EmailSendFailedException(email.Id, "MailboxUnavailable", $"550 mailbox {address} unavailable"),
            new EmailSendFailedException(email.Id, "MailboxUnavailable", $"550 mailbox {address} unavailable"),
        ]);

        await f.Services.GetRequiredService<EmailQueue>().EnqueueAsync(email, CancellationToken.None);
        var kept = await PoisonMessage(email.Id);

        Assert.True(kept.ExpiresOn > DateTimeOffset.UtcNow.AddYears(100), $"The kept email expires on {kept.ExpiresOn}.");
        Assert.Equal(2, f.Sender.Attempts[email.Id]);
        using (var stored = JsonDocument.Parse(kept.Body.ToString()))
        {
            // Erasure finds an account's kept emails by this top-level field.
            Assert.Equal("acct-kept", stored.RootElement.GetProperty("accountId").GetString());
        }

        var listed = (await f.As(TestUser.Operator()).Get("/api/operator/failed-emails")).Is(200);
        var item = listed.Json.GetProperty("items").EnumerateArray().Single(i => i.TryGetProperty("emailId", out var id) && id.GetString() == email.Id);
        Assert.Equal(InvitationEmails.Invitation, item.GetProperty("template").GetString());
        Assert.Equal("acct-kept", item.GetProperty("accountId").GetString());
        Assert.Equal(2, item.GetProperty("attempts").GetInt64());
        Assert.Contains("MailboxUnavailable", item.GetProperty("error").GetString());
        Assert.Contains("[recipient]", item.GetProperty("error").GetString());
        Assert.Equal(f.Time.GetUtcNow(), item.GetProperty("queuedAt").GetDateTimeOffset());
        Assert.DoesNotContain("kept-person", listed.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Kept Person", listed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", listed.Text, StringComparison.Ordinal);
        Assert.True(listed.Json.GetProperty("approximateTotal").GetInt32() >= 1);
    }

    [Fact]
    public async Task AMessageTheQueuePumpGivesUpOn_IsKeptWithoutExpiryToo()
    {
        var marker = "not an email " + Guid.NewGuid().ToString("N");
        await f.StorageClients.EmailQueue.SendMessageAsync(marker);

        var kept = await PoisonMessage(marker);
        Assert.True(kept.ExpiresOn > DateTimeOffset.UtcNow.AddYears(100), $"The kept message expires on {kept.ExpiresOn}.");
        var listed = (await f.As(TestUser.Operator()).Get("/api/operator/failed-emails")).Is(200);
        Assert.Contains(listed.Json.GetProperty("items").EnumerateArray(), i => i.TryGetProperty("error", out var error) && error.GetString() == "The message is not an email.");
    }

    private async Task<Azure.Storage.Queues.Models.PeekedMessage> PoisonMessage(string containing)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var peeked = (await f.StorageClients.EmailPoisonQueue.PeekMessagesAsync(32)).Value;
            if (peeked.FirstOrDefault(m => m.Body.ToString().Contains(containing, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, "Nothing reached the poison queue.");
            await Task.Delay(200);
        }
    }
}
