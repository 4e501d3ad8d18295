using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Invitations;

/// <summary>
/// <c>POST /api/invitations/accept</c>: the token's hash leads through the index to an invitation row, which is the
/// truth: it must still hold that hash, be pending and unexpired. Accepting commits against the account's profile ETag,
/// so of two parallel accepts of one token exactly one succeeds.
/// </summary>
public sealed class AcceptInvitationEndpoints(AccountStore accounts, IndexTable index)
{
    public async Task<Microsoft.AspNetCore.Http.IResult> Accept(ApiRequest request)
    {
        var body = request.ReadBody<AcceptInvitationBody>();
        new Validator().Text("token", body.Token, 256, required: true).ThrowIfInvalid();
        var caller = request.Caller;
        if (caller.IsImpersonation)
        {
            throw new ApiErrorException(ApiError.Forbidden("An impersonation token cannot accept invitations."));
        }
        var hash = IdGenerator.Hash(body.Token!);
        var target = await index.ResolveAsync(IndexTable.Token(Invitation.TokenPurpose, hash), request.Aborted);
        if (target is not { } pointer || !pointer.RowKey.StartsWith(Invitation.Prefix, StringComparison.Ordinal) || !Keys.IsIdentifier(pointer.AccountId))
        {
            throw Invalid();
        }
        // The invitation row is read beside the session's own reads: one round trip before the commit.
        var rowTask = accounts.Storage.Accounts.GetEntityIfExistsAsync<TableEntity>(pointer.AccountId, pointer.RowKey, cancellationToken: request.Aborted);
        var session = await accounts.OpenAsync(pointer.AccountId, request, throughPartner: false);
        var row = await rowTask;
        if (session.Account is not { IsDeleted: false } account)
        {
            throw Invalid();
        }
        var invitation = row.HasValue ? InvitationRow.FromEntity(row.Value!) : null;
        var now = session.Now;
        if (invitation is null || !invitation.Admits(hash, now))
        {
            throw Invalid();
        }

        invitation.Accept(caller.UserId, now);
        var entity = InvitationRow.ToEntity(account.Id, invitation);
        entity.ETag = row.Value!.ETag;
        session.Replace(entity);
        // Someone who already belongs keeps their role: an invitation never demotes or promotes (ChangeMemberRole does).
        var existing = session.CallerMember;
        var role = existing?.Role ?? invitation.Role;
        if (existing is null)
        {
            session.Add(AccountPartition.Members, new Member(caller.UserId, caller.Email ?? invitation.Email, caller.Name ?? invitation.FullName, role, now));
        }
        session.Record(EventTypes.UserAcceptedInvitation, new { invitationId = invitation.Id, userId = caller.UserId, role, alreadyMember = existing is not null });
        session.Effect(new SyncMembership(caller.UserId));
        session.Effect(new RemoveToken(Invitation.TokenPurpose, hash));
        return await session.CommitAsync(ApiResponse.Ok(new AcceptedInvitationView(account.Id, account.Name, account.Kind, role, existing is not null)));
    }

    /// <summary>One answer for unknown, used, cancelled, replaced and expired tokens, so the answer reveals nothing.</summary>
    private static ApiErrorException Invalid() =>
        new(ApiError.Gone("invitation-invalid", "This invitation link is not valid: it was already used, cancelled, replaced by a newer email, or it expired. Ask for a new invitation."));
}
