namespace CustomerFunctions.Core.Partners;

/// <summary>Who at a partner is emailed when one of its customers asks for deletion, cancels it or is deleted.</summary>
public enum DeletionNoticeRecipients
{
    /// <summary>The partner's admins (the default, and the behaviour before partners could choose).</summary>
    PartnerAdmins,

    /// <summary>Every member of the partner, admins and employees.</summary>
    AllMembers,

    /// <summary>Nobody at the partner (the customer's own admins are still told).</summary>
    None,
}
