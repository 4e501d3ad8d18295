using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Registration;

/// <summary>Registration, approval, invitation links.</summary>
public static class RegistrationRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.For<RegistrationEndpoints>("Register", "POST", "registrations", (e, r) => e.Register(r))
            with { Anonymous = true, Summary = "Register a customer account: 202 and a confirmation email (the same answer for known and unknown ids and emails; rate limited per client address and per email, 429 with Retry-After)", Who = "anyone", BodyType = typeof(RegisterBody) },
        ApiRoute.For<RegistrationEndpoints>("ConfirmRegistration", "POST", "registrations/confirm", (e, r) => e.Confirm(r))
            with { Summary = "Confirm a registration with the emailed token: creates the account with the caller as its customer admin (410 for an unknown, used or expired token; 409 if the identifier was taken meanwhile)", Who = "any signed-in user holding the token", BodyType = typeof(ConfirmRegistrationBody), ResponseType = typeof(AccountView) },
        ApiRoute.For<ApprovalEndpoints>("ApproveCustomer", "POST", "customers/{id}/approval", (e, r) => e.Approve(r))
            with { Summary = "Approve a registration waiting for approval (pendingApproval -> active); emails the registrant", Who = "operator; its partner", ResponseType = typeof(AccountView) },
        ApiRoute.For<ApprovalEndpoints>("RejectCustomer", "POST", "customers/{id}/rejection", (e, r) => e.Reject(r))
            with { Summary = "Reject a registration waiting for approval: the account is deleted, personal data erased, the reason kept and emailed", Who = "operator; its partner", BodyType = typeof(RejectCustomerBody), ResponseType = typeof(AccountView) },
        ApiRoute.For<InvitationLinkEndpoints>("CreateInvitationLink", "POST", "partners/{partnerId}/invitation-links", (e, r) => e.Create(r))
            with { Summary = "Create an invitation link; the answer carries its url (with the token) once", Who = "operator; that partner's members (while links are enabled)", BodyType = typeof(CreateInvitationLinkBody), ResponseType = typeof(InvitationLinkView) },
        ApiRoute.For<InvitationLinkEndpoints>("ListInvitationLinks", "GET", "partners/{partnerId}/invitation-links", (e, r) => e.List(r))
            with { Summary = "A partner's invitation links (without tokens), with uses and state", Who = "operator; that partner's members (while links are enabled)", ResponseType = typeof(InvitationLinkPage), Query = ["pageSize", "continuationToken"] },
        ApiRoute.For<InvitationLinkEndpoints>("RevokeInvitationLink", "DELETE", "partners/{partnerId}/invitation-links/{linkId}", (e, r) => e.Revoke(r))
            with { Summary = "Revoke an invitation link", Who = "operator; that partner's members (while links are enabled)" },
    ];
}
