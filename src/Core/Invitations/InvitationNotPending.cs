using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Invitations;

/// <summary>The invitation was settled (accepted or cancelled), so it can no longer be resent or cancelled.</summary>
public sealed record InvitationNotPending : Conflict
{
    private InvitationNotPending(string detail)
        : base("invitation-not-pending", detail)
    {
    }

    public static InvitationNotPending ToResend { get; } = new("Only pending or expired invitations can be resent.");

    public static InvitationNotPending ToCancel { get; } = new("The invitation was already accepted; remove the member instead.");
}
