using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
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
    public async Task<Answer<ApiResponse, Invalid, Forbidden, InvitationInvalid, InvitationAccountDisabled, InvitationAccountPendingApproval>> Accept(ApiRequest request)
    {
        var body = request.ReadBody<AcceptInvitationBody>();
        if (new Validator().Text("token", body.Token, 256, required: true).Failure is { } invalid)
        {
            return invalid;
        }
        var caller = request.Caller;
        if (caller.IsImpersonation)
        {
            return new Forbidden("An impersonation token cannot accept invitations.");
        }
        var hash = IdGenerator.Hash(body.Token!);
        if (await InvitationTokens.FindAsync(index, hash, request.Aborted) is not { } pointer)
        {
            return new InvitationInvalid();
        }
        // The account is named by the token, not the route: this handler opens its session. The invitation row is read
        // beside the session's own reads (one round trip before the commit), and the caller acts only as themself, so
        // their partner membership is not read.
        var rowTask = accounts.ReadAsync(pointer.AccountId, AccountPartition.Invitations, pointer.InvitationId, request.Aborted);
        var session = await accounts.OpenAsync(pointer.AccountId, request, caller, throughPartner: false);
        var stored = await rowTask;
        if (session.Replay is { } replay)
        {
            return replay;
        }
        var now = session.Now;
        if (session.Account is not { IsDeleted: false } account || stored is null || !stored.Value.Admits(hash, now))
        {
            return new InvitationInvalid();
        }
        if (account.Status == AccountStatus.Disabled)
        {
            return new InvitationAccountDisabled();
        }
        if (account.Status == AccountStatus.PendingApproval)
        {
            return new InvitationAccountPendingApproval();
        }

        var invitation = stored.Value;
        invitation.Accept(caller.UserId, now);
        session.Replace(AccountPartition.Invitations, invitation, stored.ETag);
        // Someone who already belongs keeps their role: an invitation never demotes or promotes (ChangeMemberRole does).
        var existing = session.CallerMember;
        // An invitation issued before the account became a partner gives the partner role of the same rank.
        var role = existing?.Role ?? Member.SameRankIn(invitation.Role, account.Kind);
        if (existing is null)
        {
            session.Add(AccountPartition.Members, new Member(caller.UserId, caller.Email ?? invitation.Email, caller.Name ?? invitation.FullName, role, now) { Language = invitation.Language });
        }
        session.Record(EventTypes.UserAcceptedInvitation, new { invitationId = invitation.Id, userId = caller.UserId, role, alreadyMember = existing is not null });
        session.Effect(new SyncMembership(caller.UserId));
        session.Effect(InvitationTokens.Remove(hash));
        return await session.CommitAsync(ApiResponse.Ok(new AcceptedInvitationView(account.Id, account.Name, account.Kind, role, existing is not null)));
    }
}
