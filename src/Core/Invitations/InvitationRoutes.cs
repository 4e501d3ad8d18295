using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Invitations;

/// <summary>Invitations.</summary>
public static class InvitationRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<InvitationEndpoints>.For("ListInvitations", "GET", "customers/{id}/invitations", Access.Reads(Allowed.Admins), (e, s, r) => e.List(s, r))
            with { Summary = "List invitations; state = pending (default), accepted, expired, cancelled or all", ResponseType = typeof(InvitationList), Query = ["state", "pageSize", "continuationToken"] },
        Route<InvitationEndpoints>.For("CreateInvitation", "POST", "customers/{id}/invitations", Access.Writes(Allowed.Admins), (e, s, r) => e.Create(s, r))
            with { Summary = "Invite someone by email (expires after 7 days; 409 invitation-pending or already-member for the same address)", BodyType = typeof(CreateInvitationBody), ResponseType = typeof(InvitationView), Success = [201] },
        Route<InvitationEndpoints>.For("GetInvitation", "GET", "customers/{id}/invitations/{invitationId}", Access.Reads(Allowed.Admins), (e, s, r) => e.Get(s, r))
            with { Summary = "Read one invitation", ResponseType = typeof(InvitationView) },
        Route<InvitationEndpoints>.For("ResendInvitation", "POST", "customers/{id}/invitations/{invitationId}/resend", Access.Writes(Allowed.Admins), (e, s, r) => e.Resend(s, r))
            with { Summary = "Send a new token with a new expiry; the old token stops working (pending or expired invitations only)", ResponseType = typeof(InvitationView) },
        Route<InvitationEndpoints>.For("CancelInvitation", "DELETE", "customers/{id}/invitations/{invitationId}", Access.Writes(Allowed.Admins), (e, s, r) => e.Cancel(s, r))
            with { Summary = "Cancel an invitation; its token stops working (cancelling twice is harmless)" },
        Route<AcceptInvitationEndpoints>.For("AcceptInvitation", "POST", "invitations/accept", Access.SignedIn, (e, r) => e.Accept(r))
            with { Summary = "Accept an invitation with its emailed token (410 invitation-invalid for any token that does not work)", BodyType = typeof(AcceptInvitationBody), ResponseType = typeof(AcceptedInvitationView) },
    ];
}
