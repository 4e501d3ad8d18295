using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Customers;

namespace CustomerFunctions.Core.Registration;

/// <summary>Registration, approval, invitation links.</summary>
public static class RegistrationRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<RegistrationEndpoints>.For("Register", "POST", "registrations", Access.Anyone, (e, r) => e.Register(r))
            with { Summary = "Register a customer account: 202 and a confirmation email (the same answer for known and unknown ids and emails; rate limited per client address and per email, 429 with Retry-After)", BodyType = typeof(RegisterBody), Success = [202] },
        Route<RegistrationEndpoints>.For("ConfirmRegistration", "POST", "registrations/confirm", Access.SignedIn with { ImpersonationRefused = "An impersonation token cannot register an account." }, (e, r) => e.Confirm(r))
            with { Summary = "Confirm a registration with the emailed token: creates the account with the caller as its customer admin (410 for an unknown, used or expired token; 409 if the identifier was taken meanwhile)", BodyType = typeof(ConfirmRegistrationBody), ResponseType = typeof(AccountView), Success = [201] },
        Route<ApprovalEndpoints>.For("ApproveCustomer", "POST", "customers/{id}/approval", Access.Writes(Allowed.Managers), (e, s, r) => e.Approve(s, r))
            with { Summary = "Approve a registration waiting for approval (pendingApproval -> active); emails the registrant", ResponseType = typeof(AccountView) },
        Route<ApprovalEndpoints>.For("RejectCustomer", "POST", "customers/{id}/rejection", Access.Writes(Allowed.Managers), (e, s, r) => e.Reject(s, r))
            with { Summary = "Reject a registration waiting for approval: the account is deleted, the reason emailed to the registrant, then personal data and the reason erased", BodyType = typeof(RejectCustomerBody), ResponseType = typeof(AccountView) },
        Route<InvitationLinkEndpoints>.For("CreateInvitationLink", "POST", "partners/{partnerId}/invitation-links", Access.Writes(Allowed.PartnerMembers, "partnerId"), (e, s, r) => e.Create(s, r))
            with { Summary = "Create an invitation link; the answer carries its url (with the token)", BodyType = typeof(CreateInvitationLinkBody), ResponseType = typeof(InvitationLinkView), Success = [201] },
        Route<InvitationLinkEndpoints>.For("ListInvitationLinks", "GET", "partners/{partnerId}/invitation-links", Access.Reads(Allowed.PartnerMembers, "partnerId"), (e, s, r) => e.List(s, r))
            with { Summary = "A partner's invitation links with uses and state, and the url of each active one (derived again from a configured key: no token is stored)", ResponseType = typeof(InvitationLinkPage), Query = ["pageSize", "continuationToken"] },
        Route<InvitationLinkEndpoints>.For("RevokeInvitationLink", "DELETE", "partners/{partnerId}/invitation-links/{linkId}", Access.Writes(Allowed.PartnerMembers, "partnerId"), (e, s, r) => e.Revoke(s, r))
            with { Summary = "Revoke an invitation link" },
    ];
}
