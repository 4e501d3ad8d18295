using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Invitations;

/// <summary>Invitations.</summary>
public static class InvitationRoutes
{
    private const string Admins = "operator; its partner; its customer admins";

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.For<InvitationEndpoints>("ListInvitations", "GET", "customers/{id}/invitations", (e, r) => e.List(r))
            with { Summary = "List invitations; state = pending (default), accepted, expired, cancelled or all", Who = Admins, ResponseType = typeof(InvitationList), Query = ["state", "pageSize", "continuationToken"] },
        ApiRoute.For<InvitationEndpoints>("CreateInvitation", "POST", "customers/{id}/invitations", (e, r) => e.Create(r))
            with { Summary = "Invite someone by email (expires after 7 days; 409 invitation-pending or already-member for the same address)", Who = Admins, BodyType = typeof(CreateInvitationBody), ResponseType = typeof(InvitationView) },
        ApiRoute.For<InvitationEndpoints>("GetInvitation", "GET", "customers/{id}/invitations/{invitationId}", (e, r) => e.Get(r))
            with { Summary = "Read one invitation", Who = Admins, ResponseType = typeof(InvitationView) },
        ApiRoute.For<InvitationEndpoints>("ResendInvitation", "POST", "customers/{id}/invitations/{invitationId}/resend", (e, r) => e.Resend(r))
            with { Summary = "Send a new token with a new expiry; the old token stops working (pending or expired invitations only)", Who = Admins, ResponseType = typeof(InvitationView) },
        ApiRoute.For<InvitationEndpoints>("CancelInvitation", "DELETE", "customers/{id}/invitations/{invitationId}", (e, r) => e.Cancel(r))
            with { Summary = "Cancel an invitation; its token stops working (cancelling twice is harmless)", Who = Admins },
        ApiRoute.For<AcceptInvitationEndpoints>("AcceptInvitation", "POST", "invitations/accept", (e, r) => e.Accept(r))
            with { Summary = "Accept an invitation with its emailed token (410 invitation-invalid for any token that does not work)", Who = "any signed-in user", BodyType = typeof(AcceptInvitationBody), ResponseType = typeof(AcceptedInvitationView) },
    ];
}
