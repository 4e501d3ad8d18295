using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Deletion;

/// <summary>
/// After an account is deleted (by the sweep or at once) or its registration rejected, no table row and no queue message
/// holds the name, email or free text of the people of that account: an account used through the real routes, then a
/// scan of every table and every queue of the storage account.
/// </summary>
public sealed class ErasureLeavesNoPersonalData(ErasureFixture f) : IClassFixture<ErasureFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ADeletedSelfRegisteredAccount_LeavesNoPersonalDataInAnyTableOrQueue(bool bySweep)
    {
        (await f.As(op).Put("/api/settings", new { selfRegistration = "open", invitationLinks = true })).Is(200);
        var partner = await Seed.Partner(f, op);
        var partnerAdmin = Person("pat");
        await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);
        var link = (await f.As(partnerAdmin).Post($"/api/partners/{partner}/invitation-links", new { expiresAt = f.Time.GetUtcNow().AddDays(7) })).Is(201).Str("url");

        // Registered through the partner's link, twice: the second registration is never confirmed.
        var id = Ids.Account("gone");
        var registrant = Person("reg");
        await RegisterAsync(id, registrant, Registration.RegistrationSteps.TokenOfUrl(link));
        await RegisterAsync(id, registrant, Registration.RegistrationSteps.TokenOfUrl(link));
        await f.Emails.DeliverAsync();
        var confirmation = (await f.Mail.WaitFor(registrant.Email, 2))[0];
        (await f.As(registrant).Post("/api/registrations/confirm", new { token = Mailbox.TokenIn(confirmation) })).Is(201);

        // An employee who is also a member of another account, and an invitee who never came.
        var other = await Seed.Customer(f, op);
        var employee = Person("emp");
        await Seed.Member(f, other, employee, MemberRole.CustomerEmployee);
        var invitee = Person("ivy");
        (await f.As(registrant).Post($"/api/customers/{id}/invitations", new { email = employee.Email, fullName = employee.Name, role = "customerEmployee" },
            new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() })).Is(201);
        (await f.As(registrant).Post($"/api/customers/{id}/invitations", new { email = invitee.Email, fullName = invitee.Name })).Is(201);
        Assert.Equal(1, await f.Emails.PoisonAsync(m => m.To == invitee.Email));
        await f.Emails.DeliverAsync();
        var invitation = Assert.Single(await f.Mail.WaitFor(employee.Email));
        (await f.As(employee).Post("/api/invitations/accept", new { token = Mailbox.TokenIn(invitation) })).Is(200);

        (await f.As(registrant).Post($"/api/customers/{id}/projects", new { id = "apollo", name = "Apollo" })).Is(201);
        (await f.As(registrant).Put($"/api/customers/{id}/projects/apollo/members/{employee.Id}")).Is(200);
        var subject = Text("subject");
        var body = Text("body");
        var message = (await f.As(partnerAdmin).Post($"/api/customers/{id}/messages", new { subject, body, mode = "allMustRead" })).Is(201).Str("id");
        (await f.As(employee).Post($"/api/customers/{id}/messages/{message}/acknowledgement")).Is(204);
        var impersonationReason = Text("impersonation");
        var grant = (await f.As(partnerAdmin).Post($"/api/customers/{id}/impersonation", new { reason = impersonationReason })).Is(200);
        (await new ApiClient(f.Http, f.BaseAddress, grant.Str("token")).Post($"/api/customers/{id}/projects", new { id = "gemini", name = "Gemini" })).Is(201);

        var firstReason = Text("reason");
        var note = Text("note");
        var secondReason = Text("reason");
        (await f.As(registrant).Post($"/api/customers/{id}/deletion-request", new { reason = firstReason })).Is(201);
        (await f.As(partnerAdmin).Post($"/api/customers/{id}/deletion-request/cancel", new { note })).Is(200);
        await f.Emails.DeliverAsync();
        (await f.As(registrant).Post($"/api/customers/{id}/deletion-request", new { reason = secondReason })).Is(201);
        // The second request's notices wait in the queue, beside the invitation in the poison queue, and so does another account's email.
        var bystander = Person("bob");
        (await f.As(op).Post($"/api/customers/{other}/invitations", new { email = bystander.Email, fullName = bystander.Name })).Is(201);
        var waiting = await WaitingFor(id);
        Assert.Contains(waiting, m => m.Email.Template == DeletionEmails.Requested);
        Assert.Contains(waiting, m => m.Email.Template == InvitationEmails.Invitation);

        if (bySweep)
        {
            f.Time.Advance(TimeSpan.FromDays(11));
            Assert.Equal(1, await f.Sweep.RunAsync());
        }
        else
        {
            (await f.As(partnerAdmin).Delete($"/api/customers/{id}?confirm={id}")).Is(200);
        }
        Assert.Equal("deleted", (await f.As(op).Get($"/api/customers/{id}")).Is(200).Str("status"));
        Assert.True(await f.Emails.DeliverAsync(m => m.Template == DeletionEmails.Deleted) >= 1);

        var hits = await StorageScan.FindAsync(f,
        [
            registrant.Email, registrant.Name, invitee.Email, invitee.Name, employee.Email, employee.Name, partnerAdmin.Email, partnerAdmin.Name,
            subject, body, impersonationReason, firstReason, note, secondReason, IdGenerator.Hash(registrant.Email.ToLowerInvariant()),
        ]);
        // The employee and the partner admin keep their data in their other accounts, and only there.
        Assert.Contains(hits, h => h.Needle == employee.Name && h.PartitionKey == other);
        Assert.Contains(hits, h => h.Needle == partnerAdmin.Email && h.PartitionKey == partner);
        var leaks = hits.Where(h => !(h.Store == "table Accounts" && (h.PartitionKey == other || h.PartitionKey == partner) && (h.Needle == employee.Email ||
            h.Needle == employee.Name || h.Needle == partnerAdmin.Email || h.Needle == partnerAdmin.Name))).ToList();
        Assert.True(leaks.Count == 0, "Personal data left after the deletion:\n" + string.Join("\n", leaks));
        // What waited for the account waits on, but nobody can open it any more, and the sender drops it unsent.
        await AssertShreddedAsync(waiting);
        Assert.Contains(await f.Emails.PeekAsync(f.StorageClients.EmailQueue), m => m.Email.To == bystander.Email && m.Email.AccountId == other && m.Opened);
    }

    [Fact]
    public async Task AnErasureRunAgain_ByTheOutboxRecovery_LeavesTheDeletedNoticeQueuedAfterIt()
    {
        var (customer, _) = await Seed.CustomerWithAdmin(f, op);
        var admin = Person("notified");
        await Seed.Member(f, customer, admin, MemberRole.CustomerAdmin);
        (await f.As(op).Delete($"/api/customers/{customer}?confirm={customer}")).Is(200);

        // The deletion queued its notices after the erasure; a recovery runs the same effects again, erasure included.
        var queued = await f.Emails.PeekAsync(f.StorageClients.EmailQueue);
        Assert.Contains(queued, m => m.Email.Template == DeletionEmails.Deleted && m.Email.To == admin.Email);
        await f.Services.GetRequiredService<AccountErasure>().EraseAsync(customer, ErasureReason.Deletion, CancellationToken.None);

        Assert.Contains(await f.Emails.PeekAsync(f.StorageClients.EmailQueue), m => m.Email.Template == DeletionEmails.Deleted && m.Email.To == admin.Email);
        await f.Emails.DeliverAsync(m => m.AccountId == customer);
        await f.Mail.WaitFor(admin.Email);
    }

    [Fact]
    public async Task ARejectedRegistration_LeavesNoPersonalDataInAnyTableOrQueue()
    {
        (await f.As(op).Put("/api/settings", new { selfRegistration = "approvalRequired", invitationLinks = false })).Is(200);
        var id = Ids.Account("no");
        var registrant = Person("rej");
        await RegisterAsync(id, registrant, null);
        await f.Emails.DeliverAsync();
        var confirmation = Assert.Single(await f.Mail.WaitFor(registrant.Email));
        (await f.As(registrant).Post("/api/registrations/confirm", new { token = Mailbox.TokenIn(confirmation) })).Is(201);
        // A second registration of the same id waits with its confirmation (and its plaintext token) in the queue.
        await RegisterAsync(id, registrant, null);
        var waiting = (await f.Emails.PeekAsync(f.StorageClients.EmailQueue)).Where(m => m.Email.To == registrant.Email).ToList();
        Assert.Equal([RegistrationEmails.BeingVerified, RegistrationEmails.Confirmation], waiting.Select(m => m.Email.Template).Order());

        var reason = Text("rejection");
        (await f.As(op).Post($"/api/customers/{id}/rejection", new { reason })).Is(200);
        Assert.Equal(1, await f.Emails.DeliverAsync(m => m.Template == RegistrationEmails.Rejected));
        Assert.Contains(reason, Assert.Single(f.Mail.To(registrant.Email), m => m.Subject!.Contains("declined", StringComparison.Ordinal)).TextBody);

        var leaks = await StorageScan.FindAsync(f, [registrant.Email, registrant.Name, reason, IdGenerator.Hash(registrant.Email.ToLowerInvariant())]);
        Assert.True(leaks.Count == 0, "Personal data left after the rejection:\n" + string.Join("\n", leaks));
        await AssertShreddedAsync(waiting);
    }

    /// <summary>
    /// The account's emails that were <paramref name="waiting"/> before its erasure: the ones still queued cannot be
    /// opened, and handing them to the sender sends nothing to anyone.
    /// </summary>
    private async Task AssertShreddedAsync(List<(string MessageId, EmailMessage Email, bool Opened)> waiting)
    {
        Assert.All(waiting, m => Assert.True(m.Opened));
        var left = (await f.Emails.PeekQueuedAndKeptAsync()).Where(m => waiting.Any(w => w.MessageId == m.MessageId)).ToList();
        Assert.NotEmpty(left);
        Assert.All(left, m => Assert.False(m.Opened, $"{m.Email.Template} can still be opened"));
        var queued = left.Where(m => m.Email.Sealed is not null).Select(m => m.Email.Id).ToHashSet();
        Assert.True(await f.Emails.DeliverAsync(m => queued.Contains(m.Id)) >= 1);
        foreach (var id in waiting.Select(w => w.Email.Id))
        {
            Assert.False((await f.StorageClients.SentEmails.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(id, "")).HasValue, $"email {id} was sent");
        }
    }

    private async Task RegisterAsync(string id, TestUser registrant, string? linkToken) =>
        (await f.Anonymous.Post("/api/registrations", new { companyName = "Company " + id, id, email = registrant.Email, fullName = registrant.Name, invitationLinkToken = linkToken })).Is(202);

    /// <summary>The emails about the account waiting in the queue or parked in the poison queue.</summary>
    private async Task<List<(string MessageId, EmailMessage Email, bool Opened)>> WaitingFor(string accountId) =>
        [.. (await f.Emails.PeekQueuedAndKeptAsync()).Where(m => m.Email.AccountId == accountId)];

    /// <summary>A person whose name and email occur nowhere else.</summary>
    private static TestUser Person(string label)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        return new TestUser($"{label}-{unique}", $"{label}.{unique}@example.test", $"{char.ToUpperInvariant(label[0])}{label[1..]} Q{unique}");
    }

    private static string Text(string label) => $"{label} text {Guid.NewGuid():N}";
}
