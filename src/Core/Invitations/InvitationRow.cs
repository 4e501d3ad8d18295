using Azure.Data.Tables;
using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Core.Invitations;

/// <summary>Maps an <see cref="Invitation"/> to its row <c>invitation|{id}</c> in the account partition.</summary>
public static class InvitationRow
{
    /// <summary>The stored values of <c>State</c>.</summary>
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Cancelled = "cancelled";

    public static TableEntity ToEntity(string accountId, Invitation i) => new(accountId, i.RowKey)
    {
        ["InvitationId"] = i.Id,
        ["Email"] = i.Email,
        ["FullName"] = i.FullName,
        ["Role"] = i.Role.ToString(),
        ["State"] = i.State switch { InvitationState.Accepted => Accepted, InvitationState.Cancelled => Cancelled, _ => Pending },
        ["TokenHash"] = i.TokenHash,
        ["ExpiresAt"] = i.ExpiresAt,
        ["SentAt"] = i.SentAt,
        ["ResendCount"] = i.ResendCount,
        ["InvitedByUserId"] = i.InvitedBy.UserId,
        ["InvitedByName"] = i.InvitedBy.Name,
        ["AcceptedByUserId"] = i.AcceptedByUserId,
        ["AcceptedAt"] = i.AcceptedAt,
        ["CreatedAt"] = i.CreatedAt,
    };

    public static Invitation FromEntity(TableEntity e)
    {
        var state = e.GetString("State") switch { Accepted => InvitationState.Accepted, Cancelled => InvitationState.Cancelled, _ => InvitationState.Pending };
        return new Invitation
        {
            Id = e.GetString("InvitationId") ?? e.RowKey[Invitation.Prefix.Length..],
            Email = e.GetString("Email") ?? "",
            FullName = e.GetString("FullName") ?? "",
            Role = Enum.Parse<MemberRole>(e.GetString("Role") ?? nameof(MemberRole.CustomerEmployee)),
            InvitedBy = new Inviter(e.GetString("InvitedByUserId") ?? "", e.GetString("InvitedByName")),
            CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? e.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue,
        }.Restore(
            state,
            e.GetString("TokenHash") ?? "",
            e.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue,
            e.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue,
            e.GetInt32("ResendCount") ?? 0,
            e.GetString("AcceptedByUserId"),
            e.GetDateTimeOffset("AcceptedAt"));
    }
}
