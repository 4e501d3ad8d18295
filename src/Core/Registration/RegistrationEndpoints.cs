using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Settings;
using CustomerFunctions.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Registration;

public sealed record RegisterBody(string? CompanyName, string? Id, string? Email, string? FullName, string? InvitationLinkToken, string? Language);

public sealed record ConfirmRegistrationBody(string? Token);

/// <summary>Self-registration: an anonymous request that only sends a confirmation email, and the signed-in confirmation that creates the account.</summary>
public sealed partial class RegistrationEndpoints(
    AccountStore accounts, OperatorSettingsStore settingsStore, RegistrationStore registrations, InvitationLinks links,
    AddressRateLimiter addressLimiter, EmailQueue emails, IdGenerator ids, TimeProvider time, IOptions<PanelOptions> panel,
    ILogger<RegistrationEndpoints> logger)
{
    public async Task<IResult> Register(ApiRequest request)
    {
        // Every attempt counts, valid or not, so the endpoint cannot be used to probe cheaply.
        var address = addressLimiter.ClientAddress(request.Http.HttpContext);
        if (addressLimiter.TryAcquire(address) is { } addressWait)
        {
            return new RateLimited(addressWait, "Too many registrations from your address; try again later.");
        }
        var body = request.ReadBody<RegisterBody>();
        new Validator()
            .Text("companyName", body.CompanyName, 200, required: true)
            .Identifier("id", body.Id)
            .Email("email", body.Email, required: true)
            .Text("fullName", body.FullName, 200, required: true)
            .Text("invitationLinkToken", body.InvitationLinkToken, 200)
            .OneOf("language", body.Language, EmailTemplates.Languages)
            .ThrowIfInvalid();

        var now = time.GetUtcNow();
        var (settings, _) = await settingsStore.ReadAsync(request.Aborted);
        (string PartnerId, InvitationLink Link)? link = null;
        if (!string.IsNullOrEmpty(body.InvitationLinkToken))
        {
            link = await links.FindUsableAsync(body.InvitationLinkToken, settings, now, request.Aborted)
                ?? throw new ApiErrorException(InvitationLinks.Refused());
        }
        else if (!settings.RegistrationOpenToAll)
        {
            throw new ApiErrorException(RegistrationDisabled());
        }

        // The durable cap: whatever else happens, one address gets only a few of these emails an hour.
        if (await registrations.TryClaimEmailSlotAsync(body.Email!, now, request.Aborted) is { } emailWait)
        {
            return new RateLimited(emailWait, "Too many registration emails to this address; try again later.");
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
        await emails.EnqueueAsync(new EmailMessage(ids.New(), RegistrationEmails.Confirmation, pending.Language, pending.Email, pending.FullName, values), request.Aborted);
        LogRegistrationRequested(logger, pending.AccountId, pending.PartnerId);

        // The same answer whether or not the identifier or the email is known: nothing here tells them apart.
        return ApiResponse.Accepted();
    }

    public async Task<IResult> Confirm(ApiRequest request)
    {
        var body = request.ReadBody<ConfirmRegistrationBody>();
        new Validator().Text("token", body.Token, 200, required: true).ThrowIfInvalid();
        var caller = request.Caller;
        if (caller.IsImpersonation)
        {
            throw new ApiErrorException(ApiError.Forbidden("An impersonation token cannot register an account."));
        }

        var hash = IdGenerator.Hash(body.Token!);
        var now = time.GetUtcNow();
        var pending = await registrations.FindAsync(hash, request.Aborted);
        if (pending is null || pending.IsExpired(now))
        {
            throw new ApiErrorException(ApiError.Gone("registration-token-invalid", "The confirmation token is unknown, already used or expired; register again."));
        }
        var (settings, _) = await settingsStore.ReadAsync(request.Aborted);
        if (pending is { PartnerId: { } partnerId, LinkId: { } linkId })
        {
            // The link must still be good now, not only when the registration was sent.
            if (!settings.InvitationLinks)
            {
                throw new ApiErrorException(InvitationLinks.Refused());
            }
            await links.ClaimUseAsync(partnerId, linkId, hash, now, request.Aborted);
        }
        else if (!settings.RegistrationOpenToAll)
        {
            // Closed since the registration was sent: closing means no new accounts from strangers.
            throw new ApiErrorException(RegistrationDisabled());
        }

        var session = await accounts.OpenAsync(pending.AccountId, request);
        if (session.Account is not null)
        {
            if (pending is { PartnerId: { } claimedPartner, LinkId: { } claimedLink })
            {
                await links.ReleaseUseAsync(claimedPartner, claimedLink, hash, request.Aborted);
            }
            throw new ApiErrorException(ApiError.Conflict("identifier-taken", $"The identifier '{pending.AccountId}' was taken in the meantime; register again with another one."));
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
        session.Add(new RegistrationRecord(caller.UserId, pending.Email, pending.FullName, pending.Language, pending.PartnerId, pending.LinkId, now).ToEntity(account.Id));
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

    private static ApiError RegistrationDisabled() =>
        new(403, "registration-disabled", "You may not do this.", "Self-registration is closed; register through a partner's invitation link.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration of account {AccountId} requested (partner {PartnerId}); confirmation email queued")]
    private static partial void LogRegistrationRequested(ILogger logger, string accountId, string? partnerId);
}
