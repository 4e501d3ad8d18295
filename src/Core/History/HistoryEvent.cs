using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.History;

/// <summary>One field a change touched. <c>from</c> and <c>to</c> are always written, null included (a cleared field).</summary>
public sealed record FieldChange(
    string Field,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? To);

public sealed record EventActor(string UserId, string? ImpersonatedBy = null);

/// <summary>One entry of an account's append-only history, written in the same transaction as the change it records.</summary>
public sealed record HistoryEvent(string Id, string Type, DateTimeOffset At, EventActor Actor, JsonElement? Details, IReadOnlyList<FieldChange>? Changes)
{
    public const string Prefix = "event|";

    /// <summary>RowKeys sort newest first: inverted ticks, then the event id.</summary>
    public static string RowKey(DateTimeOffset at, string id) => Prefix + TimeKey(at) + "|" + id;

    public static string TimeKey(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public TableEntity ToEntity(string accountId) => new(accountId, RowKey(At, Id))
    {
        ["EventId"] = Id,
        ["Type"] = Type,
        ["At"] = At,
        ["ActorUserId"] = Actor.UserId,
        ["ImpersonatedBy"] = Actor.ImpersonatedBy,
        ["Details"] = Details?.GetRawText(),
        ["Changes"] = Changes is null ? null : JsonSerializer.Serialize(Changes, Json.Options),
    };

    public static HistoryEvent FromEntity(TableEntity e) => new(
        e.GetString("EventId") ?? "",
        e.GetString("Type") ?? "",
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        new EventActor(e.GetString("ActorUserId") ?? "", e.GetString("ImpersonatedBy")),
        e.GetString("Details") is { } details ? JsonDocument.Parse(details).RootElement.Clone() : null,
        e.GetString("Changes") is { } changes ? JsonSerializer.Deserialize<List<FieldChange>>(changes, Json.Options) : null);
}

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
}
