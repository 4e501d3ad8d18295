namespace CustomerFunctions.Core.History;

/// <summary>Every history event type, in one catalog (API.md and the reference's history list); the history filter accepts exactly these.</summary>
public static class EventTypes
{
    public const string CustomerCreated = "CUSTOMER_CREATED";
    public const string CustomerUpdated = "CUSTOMER_UPDATED";
    public const string CustomerStatusChanged = "CUSTOMER_STATUS_CHANGED";
    public const string CustomerQuotaEdited = "CUSTOMER_QUOTA_EDITED";
    public const string CustomerApproved = "CUSTOMER_APPROVED";
    public const string CustomerRegistered = "CUSTOMER_REGISTERED";
    public const string CustomerDeleted = "CUSTOMER_DELETED";
    public const string UserAssignedHimself = "USER_ASSIGNED_HIMSELF";
    public const string UserRoleChanged = "USER_ROLE_CHANGED";
    public const string UserUpdated = "USER_UPDATED";
    public const string UserRemoved = "USER_REMOVED";
    public const string UserInvited = "USER_INVITED";
    public const string UserInvitationResent = "USER_INVITATION_RESENT";
    public const string UserInvitationCancelled = "USER_INVITATION_CANCELLED";
    public const string UserAcceptedInvitation = "USER_ACCEPTED_INVITATION";
    public const string CustomerRejected = "CUSTOMER_REJECTED";
    public const string InvitationLinkCreated = "INVITATION_LINK_CREATED";
    public const string InvitationLinkRevoked = "INVITATION_LINK_REVOKED";
    public const string ProjectCreated = "PROJECT_CREATED";
    public const string ProjectDeleted = "PROJECT_DELETED";
    public const string ProjectAccessGranted = "PROJECT_ACCESS_GRANTED";
    public const string ProjectAccessRevoked = "PROJECT_ACCESS_REVOKED";
    public const string DeletionRequested = "DELETION_REQUESTED";
    public const string DeletionRequestCancelled = "DELETION_REQUEST_CANCELLED";
    public const string MessageSent = "MESSAGE_SENT";
    public const string ProductChanged = "PRODUCT_CHANGED";
    public const string ImpersonationStarted = "IMPERSONATION_STARTED";
    public const string PartnerSettingsChanged = "PARTNER_SETTINGS_CHANGED";
    public const string AccountKindChanged = "ACCOUNT_KIND_CHANGED";
}
