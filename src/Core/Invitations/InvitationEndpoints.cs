using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Invitations;

/// <summary>An account's invitations: create, list, read, resend, cancel. Accepting is <see cref="AcceptInvitationEndpoints"/>.</summary>
public sealed class InvitationEndpoints(Paging paging, InvitationIssuer issuer, InvitationMail mail, InvitationLimits limits)
{
    public static readonly IReadOnlyCollection<string> StateFilters = ["pending", "accepted", "expired", "cancelled", "all"];

    public async Task<Answer<ApiResponse, Invalid, InvitationPending, InviteeAlreadyMember, InvitationsRateLimited>> Create(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<CreateInvitationBody>();
        var check = new Validator()
            .Email("email", body.Email, required: true)
            .Text("fullName", body.FullName, 200, required: true);
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        var account = session.Existing;
        var role = body.Role ?? Member.EmployeeRoleFor(account.Kind);
        if (!Member.RoleFits(role, account.Kind))
        {
            return Invalid.Field("role", account.Kind == AccountKind.Partner
                ? "A partner account invites partnerAdmin or partnerEmployee."
                : "A customer account invites customerAdmin or customerEmployee.");
        }
        var email = body.Email!;
        var now = session.Now;
        if (await IsInvitedAsync(session, email, now))
        {
            return new InvitationPending(email);
        }
        if (await IsMemberAsync(session, email))
        {
            return new InviteeAlreadyMember(email);
        }
        if (await limits.TakeAsync(session, email) is { } limited)
        {
            return limited;
        }

        var invitation = issuer.Stage(session, email, body.FullName!.Trim(), role);
        return await session.CommitAsync(ApiResponse.Created(Location(account.Id, invitation.Id), InvitationView.From(invitation, now)));
    }

    public async Task<Answer<ApiResponse, Invalid>> List(AccountSession session, ApiRequest request)
    {
        var state = request.Query("state") ?? "pending";
        if (!StateFilters.Contains(state))
        {
            return Invalid.Field("state", $"Must be one of: {string.Join(", ", StateFilters)}.");
        }
        var now = session.Now;
        var (invitations, continuationToken) = await session.PageAsync(AccountPartition.Invitations, paging, where: StateFilter(state, now), scope: [state]);
        return ApiResponse.Ok(new InvitationList([.. invitations.Select(i => InvitationView.From(i, now))], continuationToken));
    }

    public async Task<Answer<ApiResponse, NotFound>> Get(AccountSession session, ApiRequest request)
    {
        if (await ReadAsync(session, request.RouteValue("invitationId")) is not { } stored)
        {
            return new NotFound("The invitation");
        }
        return ApiResponse.Ok(InvitationView.From(stored.Value, session.Now));
    }

    /// <summary>A new token (the old one dies with its hash), a new expiry and a new email.</summary>
    public async Task<Answer<ApiResponse, NotFound, InvitationNotPending, InvitationsRateLimited>> Resend(AccountSession session, ApiRequest request)
    {
        if (await ReadAsync(session, request.RouteValue("invitationId")) is not { } stored)
        {
            return new NotFound("The invitation");
        }
        var invitation = stored.Value;
        if (!invitation.IsOpen)
        {
            return InvitationNotPending.ToResend;
        }
        if (await limits.TakeAsync(session, invitation.Email, resent: invitation) is { } limited)
        {
            return limited;
        }
        var now = session.Now;
        var oldHash = invitation.TokenHash;
        var token = IdGenerator.NewToken();
        var hash = IdGenerator.Hash(token);
        invitation.Resend(hash, now);
        session.Replace(AccountPartition.Invitations, invitation, stored.ETag);
        session.Record(EventTypes.UserInvitationResent, new { invitationId = invitation.Id, email = invitation.Email, resendCount = invitation.ResendCount });
        session.Effect(InvitationTokens.Remove(oldHash));
        session.Effect(InvitationTokens.Point(hash, invitation.Id));
        session.Effect(mail.Compose(session.Existing, invitation, token));
        return await session.CommitAsync(ApiResponse.Ok(InvitationView.From(invitation, now)));
    }

    /// <summary>Cancels a pending (or expired) invitation; cancelling a cancelled one again changes nothing.</summary>
    public async Task<Answer<ApiResponse, NotFound, InvitationNotPending>> Cancel(AccountSession session, ApiRequest request)
    {
        if (await ReadAsync(session, request.RouteValue("invitationId")) is not { } stored)
        {
            return new NotFound("The invitation");
        }
        var invitation = stored.Value;
        if (invitation.State == InvitationState.Cancelled)
        {
            return ApiResponse.NoContent();
        }
        if (!invitation.IsOpen)
        {
            return InvitationNotPending.ToCancel;
        }
        invitation.Cancel();
        session.Replace(AccountPartition.Invitations, invitation, stored.ETag);
        session.Record(EventTypes.UserInvitationCancelled, new { invitationId = invitation.Id, email = invitation.Email });
        session.Effect(InvitationTokens.Remove(invitation.TokenHash));
        return await session.CommitAsync(ApiResponse.NoContent());
    }

    public static string Location(string accountId, string invitationId) => $"/api/customers/{accountId}/invitations/{invitationId}";

    private static async Task<Stored<Invitation>?> ReadAsync(AccountSession session, string invitationId) =>
        Keys.IsSafeKeyPart(invitationId) && invitationId.Length <= 64 ? await session.ReadAsync(AccountPartition.Invitations, invitationId) : null;

    /// <summary>The stored rows a state filter shows; expired is a pending row past its expiry. Null for all.</summary>
    private static FormattableString? StateFilter(string state, DateTimeOffset now)
    {
        switch (state)
        {
            case "pending":
                return $"State eq {InvitationRow.Pending} and ExpiresAt gt {now}";
            case "expired":
                return $"State eq {InvitationRow.Pending} and ExpiresAt le {now}";
            case "accepted":
                return $"State eq {InvitationRow.Accepted}";
            case "cancelled":
                return $"State eq {InvitationRow.Cancelled}";
            default:
                return null;
        }
    }

    /// <summary>One open invitation per address: a second would leave two working tokens for one person.</summary>
    private static async Task<bool> IsInvitedAsync(AccountSession session, string email, DateTimeOffset now)
    {
        // InvitationId is selected too so the mapper need not fall back to the key.
        var open = session.QueryAsync(AccountPartition.Invitations, where: $"State eq {InvitationRow.Pending} and ExpiresAt gt {now}", select: ["Email", "InvitationId"]);
        await foreach (var invitation in open)
        {
            if (string.Equals(invitation.Value.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static async Task<bool> IsMemberAsync(AccountSession session, string email)
    {
        await foreach (var member in session.QueryAsync(AccountPartition.Members, select: ["Email"]))
        {
            if (string.Equals(member.Value.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
