using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Invitations;

/// <summary>An account awaiting approval takes no new members yet; the invitation stays pending and can be accepted once it is approved.</summary>
public sealed record InvitationAccountPendingApproval() : Conflict("account-pending-approval",
    "The account you are invited to awaits approval; the invitation can be accepted once it is approved.");
