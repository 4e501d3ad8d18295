namespace CustomerFunctions.Core.History;

/// <summary>
/// The event types the history filter accepts: every constant of the <see cref="EventTypes"/> catalog, listed here
/// (a test fails when a constant is added to the catalog and not to this list).
/// </summary>
public static class KnownEventTypes
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        EventTypes.CustomerCreated,
        EventTypes.CustomerUpdated,
        EventTypes.CustomerStatusChanged,
        EventTypes.CustomerQuotaEdited,
        EventTypes.CustomerApproved,
        EventTypes.CustomerRegistered,
        EventTypes.CustomerDeleted,
        EventTypes.UserAssignedHimself,
        EventTypes.UserRoleChanged,
        EventTypes.UserUpdated,
        EventTypes.UserRemoved,
        EventTypes.UserInvited,
        EventTypes.UserInvitationResent,
        EventTypes.UserInvitationCancelled,
        EventTypes.UserAcceptedInvitation,
        EventTypes.CustomerRejected,
        EventTypes.InvitationLinkCreated,
        EventTypes.InvitationLinkRevoked,
        EventTypes.ProjectCreated,
        EventTypes.ProjectDeleted,
        EventTypes.ProjectAccessGranted,
        EventTypes.ProjectAccessRevoked,
        EventTypes.DeletionRequested,
        EventTypes.DeletionRequestCancelled,
        EventTypes.MessageSent,
        EventTypes.ProductChanged,
        EventTypes.ImpersonationStarted,
        EventTypes.PartnerSettingsChanged,
        EventTypes.AccountKindChanged,
    };
}
