using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Settings;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Registration;

/// <summary>Self-registration: an anonymous request that only sends a confirmation email, and the signed-in confirmation that creates the account.</summary>
public sealed partial class RegistrationEndpoints(
    AccountStore accounts, OperatorSettingsStore settingsStore, RegistrationStore registrations, InvitationLinks links,
    AddressRateLimiter addressLimiter, EmailQueue emails, IdGenerator ids, TimeProvider time, IOptions<PanelOptions> panel,
    ILogger<RegistrationEndpoints> logger)
{
    public async Task<Answer<ApiResponse, Invalid, InvitationLinkInvalid, RegistrationDisabled, TooManyRequests>> Register(ApiRequest request)
    {
        // Every attempt counts, valid or not, so the endpoint cannot be used to probe cheaply.
        var address = addressLimiter.ClientAddress(request.Http.HttpContext);
        if (await addressLimiter.TryAcquireAsync(address, request.Aborted) is { } addressWait)
        {
            return new TooManyRequests("Too many registrations from your address; try again later.", addressWait);
        }
        var body = request.ReadBody<RegisterBody>();
        var invalid = new Validator()
            .Text("companyName", body.CompanyName, 200, required: true)
            .AccountId("id", body.Id)
            .Email("email", body.Email, required: true)
            .Text("fullName", body.FullName, 200, required: true)
            .Text("invitationLinkToken", body.InvitationLinkToken, 200)
            .OneOf("language", body.Language, EmailTemplates.Languages)
            .Failure;
        if (invalid is not null)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        var (settings, _) = await settingsStore.ReadAsync(request.Aborted);
        (string PartnerId, InvitationLink Link)? link = null;
        if (!string.IsNullOrEmpty(body.InvitationLinkToken))
        {
            link = await links.FindUsableAsync(body.InvitationLinkToken, settings, now, request.Aborted);
            if (link is null)
            {
                return new InvitationLinkInvalid();
            }
        }
        else if (!settings.RegistrationOpenToAll)
        {
            return new RegistrationDisabled();
        }

        // The durable cap: whatever else happens, one address gets only a few of these emails an hour.
        if (await registrations.TryClaimEmailSlotAsync(body.Email!, now, request.Aborted) is { } emailWait)
        {
            return new TooManyRequests("Too many registration emails to this address; try again later.", emailWait);
        }
        var token = IdGenerator.NewToken();
        var pending = new PendingRegistration(
            IdGenerator.Hash(token), body.CompanyName!.Trim(), body.Id!, body.Email!, body.FullName!.Trim(), body.Language ?? "en",
            link?.PartnerId, link?.Link.Id, now, now + registrations.Options.ConfirmationLifetime);
        await registrations.AddAsync(pending, request.Aborted);
        var values = new Dictionary<string, string>
        {
            ["fullName"] = pending.FullName,
            ["companyName"] = pending.CompanyName,
            ["accountId"] = pending.AccountId,
            ["expiresAt"] = pending.ExpiresAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
            ["link"] = panel.Value.Link("registrations/confirm", token),
        };
        // The account id lets an erasure of that account remove the email (and its plaintext token) from the queue.
        await emails.EnqueueAsync(new EmailMessage(ids.New(), RegistrationEmails.Confirmation, pending.Language, pending.Email, pending.FullName, values) { AccountId = pending.AccountId }, request.Aborted);
        LogRegistrationRequested(logger, pending.AccountId, pending.PartnerId);

        // The same answer whether or not the identifier or the email is known: nothing here tells them apart.
        return ApiResponse.Accepted();
    }

    /// <summary>Impersonation tokens never get here (declared on the route): the registrant is always a real user.</summary>
    public async Task<Answer<ApiResponse, Invalid, RegistrationTokenInvalid, InvitationLinkInvalid, RegistrationDisabled, IdentifierTaken>> Confirm(ApiRequest request)
    {
        var body = request.ReadBody<ConfirmRegistrationBody>();
        if (new Validator().Text("token", body.Token, 200, required: true).Failure is { } invalid)
        {
            return invalid;
        }
        var caller = request.Caller;

        var hash = IdGenerator.Hash(body.Token!);
        var now = time.GetUtcNow();
        var pending = await registrations.FindAsync(hash, request.Aborted);
        if (pending is null || pending.IsExpired(now))
        {
            return new RegistrationTokenInvalid();
        }
        var (settings, _) = await settingsStore.ReadAsync(request.Aborted);
        if (pending is { PartnerId: { } partnerId, LinkId: { } linkId })
        {
            // The link must still be good now, not only when the registration was sent.
            if (!settings.InvitationLinks)
            {
                return new InvitationLinkInvalid();
            }
            if (await links.ClaimUseAsync(partnerId, linkId, hash, now, request.Aborted) is { } refused)
            {
                return refused;
            }
        }
        else if (!settings.RegistrationOpenToAll)
        {
            // Closed since the registration was sent: closing means no new accounts from strangers.
            return new RegistrationDisabled();
        }

        // The account is named by the registration, not the route: this handler opens its session and answers replays itself.
        var session = await accounts.OpenForRouteAsync(pending.AccountId, request);
        if (session.Replay is { } replay)
        {
            return replay;
        }
        if (session.Account is not null)
        {
            if (pending is { PartnerId: { } claimedPartner, LinkId: { } claimedLink })
            {
                await links.ReleaseUseAsync(claimedPartner, claimedLink, hash, request.Aborted);
            }
            return new IdentifierTaken(pending.AccountId);
        }
        now = session.Now;
        var status = settings.RegistrationsNeedApproval ? AccountStatus.PendingApproval : AccountStatus.Active;
        var account = session.Account = new Account
        {
            Id = pending.AccountId,
            Name = pending.CompanyName,
            Kind = AccountKind.Customer,
            PartnerId = pending.PartnerId,
            CompanyEmail = pending.Email,
            Language = pending.Language,
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var registrant = new Member(caller.UserId, caller.Email ?? pending.Email, caller.Name ?? pending.FullName, MemberRole.CustomerAdmin, now);
        session.Add(AccountPartition.Members, registrant);
        session.Add(AccountPartition.Registration, new RegistrationRecord(caller.UserId, pending.Email, pending.FullName, pending.Language, pending.PartnerId, pending.LinkId, now));
        session.Record(EventTypes.CustomerRegistered, new { name = account.Name, partnerId = account.PartnerId, invitationLinkId = pending.LinkId, status, registrant = caller.UserId });
        session.Effect(new SyncAccountListing());
        session.Effect(new SyncMembership(caller.UserId));
        session.Effect(new ForgetRegistration(hash));
        if (status == AccountStatus.PendingApproval)
        {
            var values = new Dictionary<string, string> { ["fullName"] = pending.FullName, ["companyName"] = account.Name };
            session.Effect(new SendEmail(new EmailMessage(ids.New(), RegistrationEmails.BeingVerified, account.Language, pending.Email, pending.FullName, values) { AccountId = account.Id }));
        }
        return await session.CommitAsync(ApiResponse.Created($"/api/customers/{account.Id}", AccountView.From(account)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration of account {AccountId} requested (partner {PartnerId}); confirmation email queued")]
    private static partial void LogRegistrationRequested(ILogger logger, string accountId, string? partnerId);
}
