using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Invitations;

/// <summary>An account's invitations: create, list, read, resend, cancel. Accepting is <see cref="AcceptInvitationEndpoints"/>.</summary>
public sealed class InvitationEndpoints(AccountStore accounts, Paging paging, IdGenerator ids, InvitationMail mail)
{
    public static readonly IReadOnlyCollection<string> StateFilters = ["pending", "accepted", "expired", "cancelled", "all"];

    public async Task<Microsoft.AspNetCore.Http.IResult> Create(ApiRequest request)
    {
        var body = request.ReadBody<CreateInvitationBody>();
        new Validator()
            .Email("email", body.Email, required: true)
            .Text("fullName", body.FullName, 200, required: true)
            .ThrowIfInvalid();
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: true);
        var account = session.Existing;
        var role = body.Role ?? Member.EmployeeRoleFor(account.Kind);
        if (!Member.RoleFits(role, account.Kind))
        {
            throw new ApiErrorException(ApiError.Validation("role", account.Kind == AccountKind.Partner
                ? "A partner account invites partnerAdmin or partnerEmployee."
                : "A customer account invites customerAdmin or customerEmployee."));
        }
        var email = body.Email!;
        await EnsureNotInvitedAsync(session, email, request.Aborted);
        await EnsureNotMemberAsync(session, email, request.Aborted);

        var token = IdGenerator.NewToken();
        var hash = IdGenerator.Hash(token);
        var caller = session.Caller;
        var invitation = Invitation.Issue(ids.New(), email, body.FullName!.Trim(), role, new Inviter(caller.UserId, caller.Name ?? caller.Email), hash, session.Now);
        session.Add(InvitationRow.ToEntity(account.Id, invitation));
        session.Record(EventTypes.UserInvited, new { invitationId = invitation.Id, email, fullName = invitation.FullName, role });
        session.Effect(new IndexToken(Invitation.TokenPurpose, hash, invitation.RowKey));
        session.Effect(mail.Compose(account, invitation, token));
        return await session.CommitAsync(ApiResponse.Created(Location(account.Id, invitation.Id), InvitationView.From(invitation, session.Now)));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> List(ApiRequest request)
    {
        var state = request.Query("state") ?? "pending";
        if (!StateFilters.Contains(state))
        {
            throw new ApiErrorException(ApiError.Validation("state", $"Must be one of: {string.Join(", ", StateFilters)}."));
        }
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: false);
        var (pk, from, to, now) = (session.AccountId, Invitation.Prefix, Keys.PrefixEnd(Invitation.Prefix), session.Now);
        var filter = state switch
        {
            "pending" => TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to} and State eq {InvitationRow.Pending} and ExpiresAt gt {now}"),
            "expired" => TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to} and State eq {InvitationRow.Pending} and ExpiresAt le {now}"),
            "accepted" => TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to} and State eq {InvitationRow.Accepted}"),
            "cancelled" => TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to} and State eq {InvitationRow.Cancelled}"),
            _ => TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to}"),
        };
        var (rows, continuationToken) = await paging.QueryAsync(session.Table, filter, request, Paging.Scope(request, state));
        return ApiResponse.Ok(new InvitationList([.. rows.Select(r => InvitationView.From(InvitationRow.FromEntity(r), now))], continuationToken));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> Get(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: false);
        var (invitation, _) = await ReadAsync(session, request.RouteValue("invitationId"), request.Aborted);
        return ApiResponse.Ok(InvitationView.From(invitation, session.Now));
    }

    /// <summary>A new token (the old one dies with its hash), a new expiry and a new email.</summary>
    public async Task<Microsoft.AspNetCore.Http.IResult> Resend(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: true);
        var (invitation, etag) = await ReadAsync(session, request.RouteValue("invitationId"), request.Aborted);
        if (!invitation.IsOpen)
        {
            throw new ApiErrorException(ApiError.Conflict("invitation-not-pending", "Only pending or expired invitations can be resent."));
        }
        var oldHash = invitation.TokenHash;
        var token = IdGenerator.NewToken();
        var hash = IdGenerator.Hash(token);
        invitation.Resend(hash, session.Now);
        var entity = InvitationRow.ToEntity(session.AccountId, invitation);
        entity.ETag = etag;
        session.Replace(entity);
        session.Record(EventTypes.UserInvitationResent, new { invitationId = invitation.Id, email = invitation.Email, resendCount = invitation.ResendCount });
        session.Effect(new RemoveToken(Invitation.TokenPurpose, oldHash));
        session.Effect(new IndexToken(Invitation.TokenPurpose, hash, invitation.RowKey));
        session.Effect(mail.Compose(session.Existing, invitation, token));
        return await session.CommitAsync(ApiResponse.Ok(InvitationView.From(invitation, session.Now)));
    }

    /// <summary>Cancels a pending (or expired) invitation; cancelling a cancelled one again changes nothing.</summary>
    public async Task<Microsoft.AspNetCore.Http.IResult> Cancel(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: true);
        var (invitation, etag) = await ReadAsync(session, request.RouteValue("invitationId"), request.Aborted);
        if (invitation.State == InvitationState.Cancelled)
        {
            return ApiResponse.NoContent();
        }
        if (!invitation.IsOpen)
        {
            throw new ApiErrorException(ApiError.Conflict("invitation-not-pending", "The invitation was already accepted; remove the member instead."));
        }
        invitation.Cancel();
        var entity = InvitationRow.ToEntity(session.AccountId, invitation);
        entity.ETag = etag;
        session.Replace(entity);
        session.Record(EventTypes.UserInvitationCancelled, new { invitationId = invitation.Id, email = invitation.Email });
        session.Effect(new RemoveToken(Invitation.TokenPurpose, invitation.TokenHash));
        return await session.CommitAsync(ApiResponse.NoContent());
    }

    public static string Location(string accountId, string invitationId) => $"/api/customers/{accountId}/invitations/{invitationId}";

    private static async Task<(Invitation Invitation, Azure.ETag ETag)> ReadAsync(AccountSession session, string invitationId, CancellationToken cancellationToken)
    {
        if (Keys.IsSafeKeyPart(invitationId) && invitationId.Length <= 64)
        {
            var row = await session.Table.GetEntityIfExistsAsync<TableEntity>(session.AccountId, Invitation.RowKeyFor(invitationId), cancellationToken: cancellationToken);
            if (row.HasValue)
            {
                return (InvitationRow.FromEntity(row.Value!), row.Value!.ETag);
            }
        }
        throw new ApiErrorException(ApiError.NotFound("The invitation"));
    }

    /// <summary>One open invitation per address: a second would leave two working tokens for one person.</summary>
    private static async Task EnsureNotInvitedAsync(AccountSession session, string email, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {session.AccountId} and RowKey ge {Invitation.Prefix} and RowKey lt {Keys.PrefixEnd(Invitation.Prefix)} and State eq {InvitationRow.Pending} and ExpiresAt gt {session.Now}");
        await foreach (var row in session.Table.QueryAsync<TableEntity>(filter, select: ["Email"], cancellationToken: cancellationToken))
        {
            if (string.Equals(row.GetString("Email"), email, StringComparison.OrdinalIgnoreCase))
            {
                throw new ApiErrorException(ApiError.Conflict("invitation-pending", $"{email} already has a pending invitation: resend it instead."));
            }
        }
    }

    private static async Task EnsureNotMemberAsync(AccountSession session, string email, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {session.AccountId} and RowKey ge {MemberRow.Prefix} and RowKey lt {Keys.PrefixEnd(MemberRow.Prefix)}");
        await foreach (var row in session.Table.QueryAsync<TableEntity>(filter, select: ["Email"], cancellationToken: cancellationToken))
        {
            if (string.Equals(row.GetString("Email"), email, StringComparison.OrdinalIgnoreCase))
            {
                throw new ApiErrorException(ApiError.Conflict("already-member", $"{email} is already a member of this account."));
            }
        }
    }
}
