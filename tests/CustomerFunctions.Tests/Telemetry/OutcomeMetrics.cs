using System.Diagnostics.Metrics;
using Azure.Data.Tables;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Deletion;
using CustomerFunctions.Tests.Emails;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Tests.Telemetry;

/// <summary>
/// The counters of what background work decided: emails deferred, kept as poisoned or erased unsent, deletions swept,
/// outbox effects parked. Each test makes it happen through the real handler, sweep or drain, and reads the counter of
/// this server only; the queue pumps sleep, so nothing but the test's own work can move them.
/// </summary>
public sealed class OutcomeMetrics(OutcomeMetrics.Fixture f) : IClassFixture<OutcomeMetrics.Fixture>, IDisposable
{
    /// <summary>
    /// The server with a scripted email sender, its queue pumps asleep after their first poll (the tests hand emails to the
    /// handler through <see cref="EmailDesk"/>) and its timers out of reach (the tests run the sweep and the drains).
    /// </summary>
    public sealed class Fixture : ServiceFixture
    {
        public DeliveringQueuedEmails.ScriptedSender Sender { get; } = new() { Delay = TimeSpan.Zero };

        public EmailDesk Emails => new(this);

        protected override IEnumerable<(string Key, string Value)> Settings() =>
        [
            ("Queues:PollInterval", "01:00:00"),
            ("Outbox:RecoveryDelay", "00:30:00"),
            ("Timers:DeletionSweep", "0 0 0 1 1 *"),
            ("Timers:OutboxBackstop", "0 0 0 1 1 *"),
            ("Timers:RegistrationPurge", "0 0 0 1 1 *"),
        ];

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IEmailSender>(Sender);
    }

    private readonly TestUser op = TestUser.Operator();
    private readonly MeasurementLog metrics = new(f.Services.GetRequiredService<IMeterFactory>());

    [Fact]
    public async Task AThrottledSend_CountsAsDeferred_WithItsTemplateAndReason()
    {
        var email = await QueueAsync();
        f.Sender.Failures.GetOrAdd(email.Id, _ => new()).Enqueue(new EmailThrottledException(TimeSpan.FromSeconds(1), "throttled by the test"));

        Assert.Equal(1, await f.Emails.DeliverAsync(m => m.Id == email.Id));

        Assert.Equal(1, f.Sender.Attempts[email.Id]);
        Assert.Equal(1, metrics.Sum("customerfunctions.emails.deferred", ("template", InvitationEmails.Invitation), ("reason", "throttled")));
        Assert.Equal(0, metrics.Sum("customerfunctions.emails.sent"));
        // Put back on the queue to go later (invisible for a second), not dropped.
        await AccountRows.Eventually(async () => (await f.Emails.PeekAsync(f.StorageClients.EmailQueue)).Any(m => m.Email.Id == email.Id), "the deferred email is back on the queue");
    }

    [Fact]
    public async Task AnEmailAnotherDeliveryIsSending_CountsAsDeferredBusy()
    {
        var email = await QueueAsync();
        // Another delivery of the same email holds its claim (a duplicate message, a slow host).
        Assert.IsType<SendClaim.Granted>(await f.Services.GetRequiredService<SentEmails>().ClaimAsync(email, TimeSpan.FromMinutes(5), CancellationToken.None));

        Assert.Equal(1, await f.Emails.DeliverAsync(m => m.Id == email.Id));

        Assert.False(f.Sender.Attempts.ContainsKey(email.Id));
        Assert.Equal(1, metrics.Sum("customerfunctions.emails.deferred", ("template", InvitationEmails.Invitation), ("reason", "busy")));
        Assert.Equal(0, metrics.Sum("customerfunctions.emails.deferred", ("reason", "throttled")));
    }

    [Fact]
    public async Task AnEmailThatFailsItsLastTry_CountsAsPoisoned_AndNotAsSent()
    {
        var email = await QueueAsync();
        f.Sender.Failures.GetOrAdd(email.Id, _ => new()).Enqueue(new InvalidOperationException("The provider refused."));
        var lastTry = f.Services.GetRequiredService<IOptions<EmailOptions>>().Value.MaxAttempts;

        Assert.Equal(1, await f.Emails.DeliverAsync(m => m.Id == email.Id, attempt: lastTry));

        Assert.Contains(await f.Emails.PeekAsync(f.StorageClients.EmailPoisonQueue), m => m.Email.Id == email.Id);
        Assert.Equal(1, metrics.Sum("customerfunctions.emails.poisoned", ("template", InvitationEmails.Invitation)));
        Assert.Equal(0, metrics.Sum("customerfunctions.emails.sent"));
        Assert.Equal(0, metrics.Sum("customerfunctions.emails.deferred"));
    }

    [Fact]
    public async Task AnEmailOfAnErasedAccount_CountsAsErased_AndIsNotSent()
    {
        var account = await Seed.Customer(f, op);
        var email = await QueueAsync(account);
        await f.Services.GetRequiredService<QueuedEmailKeys>().ForgetAsync(account, CancellationToken.None);

        Assert.Equal(1, await f.Emails.DeliverAsync(m => m.Id == email.Id));

        Assert.False(f.Sender.Attempts.ContainsKey(email.Id));
        Assert.Equal(1, metrics.Sum("customerfunctions.emails.erased", ("template", InvitationEmails.Invitation)));
        Assert.Equal(0, metrics.Sum("customerfunctions.emails.sent"));
    }

    [Fact]
    public async Task ADueDeletion_CountsAsSweptDeleted_OnceWhenTheSweepCarriesItOut()
    {
        var cast = await Cast.CreateAsync(f, op);
        (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { reason = "done" })).Is(201);
        var sweep = f.Services.GetRequiredService<Core.Deletion.DeletionSweep>();

        await sweep.RunAsync();
        Assert.Equal(0, metrics.Sum("customerfunctions.deletions.swept"));

        f.Time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        await sweep.RunAsync();
        Assert.Equal("deleted", (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status"));
        Assert.Equal(1, metrics.Sum("customerfunctions.deletions.swept", ("outcome", "deleted")));

        // Nothing is due any more: a later run counts nothing.
        await sweep.RunAsync();
        Assert.Equal(1, metrics.Sum("customerfunctions.deletions.swept"));
    }

    [Fact]
    public async Task AnOutboxRowThatKeepsFailing_CountsOnceAsParked_WithItsEffectKinds()
    {
        var customer = await Seed.Customer(f, op);
        // A row whose effect no deployment can read (renamed away): every drain fails it, until it is parked.
        var stuck = Outbox.Prefix + Guid.CreateVersion7(f.Time.GetUtcNow().AddMinutes(-1)).ToString("N");
        await f.StorageClients.Accounts.AddEntityAsync(new TableEntity(customer, stuck) { ["Effects"] = """[{"kind":"RenamedEffect","x":1}]""" });
        var outbox = f.Services.GetRequiredService<Outbox>();
        var tries = f.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.MaxAttempts;

        for (var i = 1; i < tries; i++)
        {
            await outbox.DrainAsync(customer, null, CancellationToken.None);
        }
        Assert.Equal(0, metrics.Sum("customerfunctions.outbox.effects.parked"));

        Assert.Equal(1, (await outbox.DrainAsync(customer, null, CancellationToken.None)).Parked);
        Assert.Equal(1, metrics.Sum("customerfunctions.outbox.effects.parked", ("effects", "RenamedEffect")));

        // Parked means skipped: a further drain neither runs it nor counts it again.
        await outbox.DrainAsync(customer, null, CancellationToken.None);
        Assert.Equal(1, metrics.Sum("customerfunctions.outbox.effects.parked"));
    }

    private async Task<EmailMessage> QueueAsync(string? accountId = null)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        var email = new EmailMessage(Guid.CreateVersion7().ToString("N"), InvitationEmails.Invitation, "en", $"counted.{unique}@example.test", "Counted",
            new Dictionary<string, string> { ["fullName"] = "Counted", ["accountName"] = "Acme" })
        { AccountId = accountId };
        await f.Services.GetRequiredService<EmailQueue>().EnqueueAsync(email, CancellationToken.None);
        return email;
    }

    public void Dispose() => metrics.Dispose();
}
