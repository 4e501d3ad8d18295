using System.Reflection;

namespace CustomerFunctions.Core.History;

/// <summary>The event types the history filter accepts: every <see cref="EventTypes"/> constant and every type API.md names.</summary>
public static class KnownEventTypes
{
    private static readonly string[] Documented =
    [
        "CUSTOMER_REGISTERED", "CUSTOMER_CREATED", "CUSTOMER_UPDATED", "CUSTOMER_STATUS_CHANGED", "CUSTOMER_QUOTA_EDITED",
        "CUSTOMER_APPROVED", "CUSTOMER_DELETED", "USER_INVITED", "USER_INVITATION_RESENT", "USER_ACCEPTED_INVITATION",
        "USER_INVITATION_CANCELLED", "USER_REMOVED", "USER_ROLE_CHANGED", "USER_ASSIGNED_HIMSELF", "PROJECT_CREATED",
        "PROJECT_DELETED", "PROJECT_ACCESS_GRANTED", "PROJECT_ACCESS_REVOKED", "MESSAGE_SENT", "PRODUCT_CHANGED",
        "DELETION_REQUESTED", "DELETION_REQUEST_CANCELLED", "IMPERSONATION_STARTED",
    ];

    public static IReadOnlySet<string> All { get; } = typeof(EventTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Concat(Documented)
        .ToHashSet(StringComparer.Ordinal);
}
