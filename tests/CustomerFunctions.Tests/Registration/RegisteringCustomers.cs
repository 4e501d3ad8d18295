using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CustomerFunctions.Tests.Registration.RegistrationSteps;

namespace CustomerFunctions.Tests.Registration;

public sealed class RegisteringCustomers(RegistrationFixture f) : IClassFixture<RegistrationFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task WhileSelfRegistrationIsDisabled_RegisteringIs403_AndSendsNothing()
    {
        await Configure(f, op, "disabled");
        var email = Email();
        (await Register(f, Ids.Account(), email)).IsProblem(403, "registration-disabled");
        await Task.Delay(500);
        Assert.Empty(f.Mail.To(email));
    }

    [Fact]
    public async Task OpenRegistration_Confirmed_CreatesAnActiveAccount_WithTheCallerAsCustomerAdmin()
    {
        await Configure(f, op, "open");
        var id = Ids.Account("self");
        var email = Email();
        var reply = (await Register(f, id, email)).Is(202);
        Assert.Equal("", reply.Text);

        // Registering reserves nothing.
        (await f.As(op).Get($"/api/customers/{id}")).IsProblem(404);

        var mail = (await f.Mail.WaitFor(email)).Single();
        Assert.Contains("https://panel.test/registrations/confirm?token=", mail.TextBody);
        var registrant = TestUser.New("registrant");
        var created = (await Confirm(f, registrant, Mailbox.TokenIn(mail))).Is(201);
        Assert.Equal($"/api/customers/{id}", created.Location);
        Assert.Equal("active", created.Str("status"));
        Assert.Equal("Company " + id, created.Str("name"));
        Assert.Equal(email, created.Str("companyEmail"));
        Assert.False(created.Json.TryGetProperty("partnerId", out _));

        var read = (await f.As(registrant).Get($"/api/customers/{id}")).Is(200);
        Assert.Equal("active", read.Str("status"));
        var member = await f.Services.GetRequiredService<AccountStore>().ReadMemberAsync(id, registrant.Id, CancellationToken.None);
        Assert.Equal(Core.Members.MemberRole.CustomerAdmin, member!.Role);
        Assert.Equal(["CUSTOMER_REGISTERED"], await EventTypes(f, id));
        Assert.True(await MembershipIndexed(f, registrant, id));
        (await f.As(TestUser.New("stranger")).Get($"/api/customers/{id}")).IsProblem(404);
    }

    [Fact]
    public async Task AConfirmationToken_WorksOnce()
    {
        await Configure(f, op, "open");
        var id = Ids.Account("once");
        var token = await RegisterAndReadToken(f, id, Email());
        (await Confirm(f, TestUser.New("first"), token)).Is(201);
        (await Confirm(f, TestUser.New("second"), token)).IsProblem(410, "registration-token-invalid");
        (await Confirm(f, TestUser.New("third"), "not-a-token")).IsProblem(410, "registration-token-invalid");
    }

    [Fact]
    public async Task ParallelConfirmations_OfOneToken_CreateOneAccount()
    {
        await Configure(f, op, "open");
        var id = Ids.Account("race");
        var token = await RegisterAndReadToken(f, id, Email());
        var users = Enumerable.Range(0, 6).Select(i => TestUser.New("racer")).ToList();
        var replies = await Task.WhenAll(users.Select(u => Confirm(f, u, token)));
        Assert.Single(replies, r => r.Status == 201);
        Assert.All(replies.Where(r => r.Status != 201), r => Assert.True(r.Status is 409 or 410, r.Text));
        var admins = 0;
        foreach (var user in users)
        {
            admins += await f.Services.GetRequiredService<AccountStore>().ReadMemberAsync(id, user.Id, CancellationToken.None) is null ? 0 : 1;
        }
        Assert.Equal(1, admins);
    }

    [Fact]
    public async Task AnExpiredToken_IsRefused()
    {
        await Configure(f, op, "open");
        var token = await RegisterAndReadToken(f, Ids.Account("late"), Email());
        f.Time.Advance(TimeSpan.FromHours(25));
        (await Confirm(f, TestUser.New("late"), token)).IsProblem(410, "registration-token-invalid");
    }

    [Fact]
    public async Task KnownAndUnknownIdentifiers_GetTheSameAnswer_AndATakenOneIs409AtConfirmation()
    {
        await Configure(f, op, "open");
        var taken = await Seed.Customer(f, op);
        var known = await Register(f, taken, Email());
        var unknown = await Register(f, Ids.Account("free"), Email());
        Assert.Equal(202, known.Status);
        Assert.Equal(unknown.Status, known.Status);
        Assert.Equal(unknown.Text, known.Text);
        Assert.Equal(unknown.ContentHeaders.ContentType, known.ContentHeaders.ContentType);

        var email = Email();
        var token = await RegisterAndReadToken(f, taken, email);
        (await Confirm(f, TestUser.New("late"), token)).IsProblem(409, "identifier-taken");
        Assert.Equal("Customer " + taken, (await f.As(op).Get($"/api/customers/{taken}")).Str("name"));
    }

    [Fact]
    public async Task TheIdentifier_IsTakenByWhoeverConfirmsFirst()
    {
        await Configure(f, op, "open");
        var id = Ids.Account("dup");
        var first = await RegisterAndReadToken(f, id, Email());
        var second = await RegisterAndReadToken(f, id, Email());
        (await Confirm(f, TestUser.New("b"), second)).Is(201);
        (await Confirm(f, TestUser.New("a"), first)).IsProblem(409, "identifier-taken");
    }

    [Theory]
    [InlineData("""{"companyName":"X","id":"Bad Id","email":"a@example.test","fullName":"A"}""", "id")]
    [InlineData("""{"companyName":"X","id":"good-id","email":"not-an-email","fullName":"A"}""", "email")]
    [InlineData("""{"id":"good-id","email":"a@example.test","fullName":"A"}""", "companyName")]
    [InlineData("""{"companyName":"X","id":"good-id","email":"a@example.test"}""", "fullName")]
    [InlineData("""{"companyName":"X","id":"good-id","email":"a@example.test","fullName":"A","language":"fr"}""", "language")]
    [InlineData("""{"companyName":"X","id":"good-id","email":"a@example.test","fullName":"A","isOperator":true}""", "isOperator")]
    public async Task BadRegistrations_Are400_NamingTheField(string json, string field)
    {
        await Configure(f, op, "open");
        var reply = (await f.Anonymous.SendRaw(HttpMethod.Post, "/api/registrations", json)).IsProblem(400);
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty(field, out _), reply.Text);
    }

    [Fact]
    public async Task ARegistrationSentWhileOpen_CannotBeConfirmedAfterRegistrationClosed()
    {
        await Configure(f, op, "open");
        var id = Ids.Account("closed");
        var token = await RegisterAndReadToken(f, id, Email());
        await Configure(f, op, "disabled");
        (await Confirm(f, TestUser.New("closed"), token)).IsProblem(403, "registration-disabled");
        (await f.As(op).Get($"/api/customers/{id}")).IsProblem(404);
    }

    [Fact]
    public async Task ConfirmingNeedsASignedInCaller()
    {
        (await f.Anonymous.Post("/api/registrations/confirm", new { token = "x" })).IsProblem(401);
        (await f.As(TestUser.New("x")).Post("/api/registrations/confirm", new { })).IsProblem(400);
    }

    [Fact]
    public async Task WithApprovalRequired_TheAccountWaits_ItsMembersMayReadButNotWrite_UntilAnOperatorApproves()
    {
        await Configure(f, op, "approvalRequired");
        var id = Ids.Account("wait");
        var email = Email();
        var token = await RegisterAndReadToken(f, id, email);
        var registrant = TestUser.New("waiting");
        var created = (await Confirm(f, registrant, token)).Is(201);
        Assert.Equal("pendingApproval", created.Str("status"));
        var verifying = await f.Mail.WaitFor(email, 2);
        Assert.Contains(verifying, m => m.Subject!.Contains("being verified", StringComparison.Ordinal));

        (await f.As(registrant).Get($"/api/customers/{id}")).Is(200);
        var session = await f.Services.GetRequiredService<AccountStore>().OpenAsync(id, null, new Caller(registrant.Id, registrant.Email, registrant.Name, false));
        session.Authorize(Allowed.Everyone, writes: false);
        var refused = Assert.Throws<ApiErrorException>(() => session.Authorize(Allowed.Admins, writes: true));
        Assert.Equal(403, refused.Error.Status);

        // Nobody approves their own registration.
        (await f.As(registrant).Post($"/api/customers/{id}/approval")).IsProblem(403);
        (await f.As(TestUser.New("stranger")).Post($"/api/customers/{id}/approval")).IsProblem(404);

        var approved = (await f.As(op).Post($"/api/customers/{id}/approval")).Is(200);
        Assert.Equal("active", approved.Str("status"));
        var mails = await f.Mail.WaitFor(email, 3);
        Assert.Contains(mails, m => m.Subject!.Contains("is approved", StringComparison.Ordinal));
        Assert.Equal(["CUSTOMER_APPROVED", "CUSTOMER_REGISTERED"], (await EventTypes(f, id)).Order());
        session = await f.Services.GetRequiredService<AccountStore>().OpenAsync(id, null, new Caller(registrant.Id, registrant.Email, registrant.Name, false));
        session.Authorize(Allowed.Admins, writes: true);

        (await f.As(op).Post($"/api/customers/{id}/approval")).IsProblem(409, "not-pending-approval");
    }

    [Fact]
    public async Task ApprovingOrRejecting_AnAccountThatIsNotPending_Is409()
    {
        var id = await Seed.Customer(f, op);
        (await f.As(op).Post($"/api/customers/{id}/approval")).IsProblem(409, "not-pending-approval");
        (await f.As(op).Post($"/api/customers/{id}/rejection", new { reason = "no" })).IsProblem(409, "not-pending-approval");
        (await f.As(op).Post("/api/customers/no-such-account/approval")).IsProblem(404);
    }

    [Fact]
    public async Task Rejecting_DeletesThePendingAccount_ErasesPersonalDataAndTheReason_AndTellsTheRegistrant()
    {
        await Configure(f, op, "approvalRequired");
        var id = Ids.Account("no");
        var email = Email();
        var token = await RegisterAndReadToken(f, id, email);
        var registrant = TestUser.New("rejected");
        (await Confirm(f, registrant, token)).Is(201);

        // An invitation someone staged meanwhile (rows as the invitations feature keeps them) goes with the account.
        await f.StorageClients.Accounts.AddEntityAsync(new TableEntity(id, "invitation|abc") { ["Email"] = "guest@example.test", ["FullName"] = "Guest", ["State"] = "pending" });
        (await f.As(op).Post($"/api/customers/{id}/rejection", new { })).IsProblem(400);
        var rejected = (await f.As(op).Post($"/api/customers/{id}/rejection", new { reason = "We could not verify the company." })).Is(200);
        Assert.Equal("deleted", rejected.Str("status"));
        Assert.False(rejected.Json.TryGetProperty("companyEmail", out _));

        // The "being verified" email goes out only if it was sent before the rejection: the erasure takes the account's waiting emails off the queue.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!f.Mail.To(email).Any(m => m.Subject!.Contains("declined", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        var declined = Assert.Single(f.Mail.To(email), m => m.Subject!.Contains("declined", StringComparison.Ordinal));
        Assert.Contains("We could not verify the company.", declined.TextBody);

        (await f.As(registrant).Get($"/api/customers/{id}")).IsProblem(404);
        Assert.Null(await f.Services.GetRequiredService<AccountStore>().ReadMemberAsync(id, registrant.Id, CancellationToken.None));
        Assert.False(await MembershipIndexed(f, registrant, id));
        var record = (await f.StorageClients.Accounts.GetEntityAsync<TableEntity>(id, "registration")).Value;
        // The decision stays (who, when); the reason went to the registrant and is erased with the account like any free text.
        Assert.Equal((PersonalData.Erased, op.Id), (record.GetString("RejectionReason"), record.GetString("DecidedBy")));
        Assert.False((await f.StorageClients.Accounts.GetEntityIfExistsAsync<TableEntity>(id, "invitation|abc")).HasValue);
        Assert.Equal(PersonalData.Erased, record.GetString("Email"));
        Assert.Equal(PersonalData.Erased, record.GetString("FullName"));
        Assert.Equal(["CUSTOMER_REGISTERED", "CUSTOMER_REJECTED"], (await EventTypes(f, id)).Order());

        // The identifier stays taken.
        var again = await RegisterAndReadToken(f, id, Email());
        (await Confirm(f, TestUser.New("again"), again)).IsProblem(409, "identifier-taken");
    }

    [Fact]
    public async Task ConfirmationEmails_FollowTheRegistrantsLanguage()
    {
        await Configure(f, op, "open");
        var email = Email();
        (await f.Anonymous.Post("/api/registrations", new { companyName = "Firma", id = Ids.Account("de"), email, fullName = "Eva", language = "de" })).Is(202);
        var mail = (await f.Mail.WaitFor(email)).Single();
        Assert.Contains("Registrierung", mail.Subject);
    }
}
