using Azure.Data.Tables;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Deletion;

/// <summary>
/// An account's emails wait on the queues sealed with the account's email key, so the erasure makes every copy
/// unreadable by deleting one row, however long the queues are: read as someone with queue access would read them.
/// </summary>
public sealed class SealedQueuedEmails(ErasureFixture f) : IClassFixture<ErasureFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task AQueuedEmail_ShowsNoAddressNameOrValue_AndArrivesAsWritten()
    {
        var account = await Seed.Customer(f, op);
        var email = NewEmail(account, "value-" + Guid.NewGuid().ToString("N"));
        await f.Services.GetRequiredService<EmailQueue>().EnqueueAsync(email, CancellationToken.None);

        var raw = await RawTextOfAsync(email.Id);
        foreach (var secret in new[] { email.To, email.ToName!, email.Values["fullName"] })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(account, raw, StringComparison.Ordinal);

        Assert.Equal(1, await f.Emails.DeliverAsync(m => m.Id == email.Id));
        Assert.Contains(email.Values["fullName"], Assert.Single(await f.Mail.WaitFor(email.To)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheKeyIsForgotten_QueuedAndPoisonedEmailsCannotBeOpened_AndAreDroppedUnsent()
    {
        var account = await Seed.Customer(f, op);
        var queued = NewEmail(account, "queued");
        var poisoned = NewEmail(account, "poisoned");
        var queue = f.Services.GetRequiredService<EmailQueue>();
        await queue.EnqueueAsync(queued, CancellationToken.None);
        await queue.EnqueueAsync(poisoned, CancellationToken.None);
        Assert.Equal(1, await f.Emails.PoisonAsync(m => m.Id == poisoned.Id));

        await f.Services.GetRequiredService<QueuedEmailKeys>().ForgetAsync(account, CancellationToken.None);

        var left = (await f.Emails.PeekQueuedAndKeptAsync()).Where(m => m.Email.Id == queued.Id || m.Email.Id == poisoned.Id).ToList();
        Assert.Equal(2, left.Count);
        Assert.All(left, m => Assert.False(m.Opened));
        Assert.Equal(1, await f.Emails.DeliverAsync(m => m.Id == queued.Id));
        Assert.False((await f.StorageClients.SentEmails.GetEntityIfExistsAsync<TableEntity>(queued.Id, "")).HasValue);
        Assert.Empty(f.Mail.To(queued.To));
    }

    [Fact]
    public async Task ASealedPart_MovedIntoAnotherEmail_DoesNotOpen()
    {
        var account = await Seed.Customer(f, op);
        var seal = f.Services.GetRequiredService<QueuedEmailSeal>();
        var sealedEmail = await seal.SealAsync(NewEmail(account, "moved"), CancellationToken.None);

        Assert.NotNull(await seal.OpenAsync(sealedEmail, CancellationToken.None));
        Assert.Null(await seal.OpenAsync(sealedEmail with { Id = Guid.NewGuid().ToString("N") }, CancellationToken.None));
        Assert.Null(await seal.OpenAsync(sealedEmail with { AccountId = await Seed.Customer(f, op) }, CancellationToken.None));
    }

    [Fact]
    public async Task TheAccountsLastWords_AreNotSealed_SoTheErasureBeforeThemCannotSilenceThem()
    {
        var account = await Seed.Customer(f, op);
        var farewell = NewEmail(account, "farewell") with { Template = DeletionEmails.Deleted };

        var kept = await f.Services.GetRequiredService<QueuedEmailSeal>().SealAsync(farewell, CancellationToken.None);

        Assert.Null(kept.Sealed);
        Assert.Equal(farewell.To, kept.To);
    }

    private async Task<string> RawTextOfAsync(string emailId)
    {
        var peeked = (await f.StorageClients.EmailQueue.PeekMessagesAsync(32)).Value;
        return Assert.Single(peeked, m => m.Body.ToString().Contains(emailId, StringComparison.Ordinal)).Body.ToString();
    }

    private static EmailMessage NewEmail(string accountId, string value)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        return new EmailMessage(Guid.CreateVersion7().ToString("N"), InvitationEmails.Invitation, "en", $"sealed.{unique}@example.test", $"Sealed Q{unique}",
            new Dictionary<string, string> { ["fullName"] = $"Named {value} {unique}", ["accountName"] = "Acme" })
        { AccountId = accountId };
    }
}
