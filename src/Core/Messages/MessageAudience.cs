namespace CustomerFunctions.Core.Messages;

/// <summary>Whom of the account's members a message is for.</summary>
public enum MessageAudience
{
    /// <summary>Every member (the default).</summary>
    Everyone,

    /// <summary>The account's admins: whoever holds the admin role when they look (a demoted admin no longer sees it).</summary>
    Admins,

    /// <summary>The members named in <c>userIds</c>, checked to be members when it is sent.</summary>
    Users,
}
