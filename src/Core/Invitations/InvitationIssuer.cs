using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Invitations;

/// <summary>
/// Stages a new invitation on a command: its row, the USER_INVITED event, the token's index pointer and the email that
/// carries the token. Inviting someone and creating a customer with its first admin both issue through here.
/// </summary>
public sealed class InvitationIssuer(IdGenerator ids, InvitationMail mail)
{
    /// <summary>The session's account must be set (it may be the account the same command creates).</summary>
    public Invitation Stage(AccountSession session, string email, string fullName, MemberRole role, string? language = null)
    {
        var token = IdGenerator.NewToken();
        var hash = IdGenerator.Hash(token);
        var caller = session.Caller;
        var invitation = Invitation.Issue(ids.New(), email, fullName, role, new Inviter(caller.UserId, caller.Name ?? caller.Email), hash, session.Now, language);
        session.Add(AccountPartition.Invitations, invitation);
        session.Record(EventTypes.UserInvited, new { invitationId = invitation.Id, email, fullName = invitation.FullName, role });
        session.Effect(InvitationTokens.Point(hash, invitation.Id));
        session.Effect(mail.Compose(session.Existing, invitation, token));
        return invitation;
    }
}
