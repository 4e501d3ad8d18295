using Azure.Data.Tables;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Invitations;

/// <summary>Row <c>invitation|{invitation id}</c> of the account partition.</summary>
public sealed class InvitationRow : RowMapper<Invitation>
{
    public const string Prefix = "invitation|";

    /// <summary>The stored values of <c>State</c>.</summary>
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Cancelled = "cancelled";

    public override TableEntity ToEntity(string partitionKey, Invitation value) => new(partitionKey, Prefix + value.Id)
    {
        ["InvitationId"] = value.Id,
        ["Email"] = value.Email,
        ["FullName"] = value.FullName,
        ["Role"] = value.Role.ToString(),
        ["State"] = value.State switch { InvitationState.Accepted => Accepted, InvitationState.Cancelled => Cancelled, _ => Pending },
        ["TokenHash"] = value.TokenHash,
        ["ExpiresAt"] = value.ExpiresAt,
        ["SentAt"] = value.SentAt,
        ["ResendCount"] = value.ResendCount,
        ["InvitedByUserId"] = value.InvitedBy.UserId,
        ["InvitedByName"] = value.InvitedBy.Name,
        ["AcceptedByUserId"] = value.AcceptedByUserId,
        ["AcceptedAt"] = value.AcceptedAt,
        ["CreatedAt"] = value.CreatedAt,
        ["ResendWindowStart"] = value.ResendWindow.Start == DateTimeOffset.MinValue ? null : value.ResendWindow.Start,
        ["ResendsInWindow"] = value.ResendWindow.Count,
        ["Language"] = value.Language,
    };

    public override Invitation FromEntity(TableEntity entity)
    {
        var state = entity.GetString("State") switch { Accepted => InvitationState.Accepted, Cancelled => InvitationState.Cancelled, _ => InvitationState.Pending };
        return new Invitation
        {
            Id = entity.GetString("InvitationId") ?? entity.RowKey[Prefix.Length..],
            Email = entity.GetString("Email") ?? "",
            FullName = entity.GetString("FullName") ?? "",
            Role = Enum.Parse<MemberRole>(entity.GetString("Role") ?? nameof(MemberRole.CustomerEmployee)),
            InvitedBy = new Inviter(entity.GetString("InvitedByUserId") ?? "", entity.GetString("InvitedByName")),
            CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? entity.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue,
            Language = entity.GetString("Language"),
        }.Restore(
            state,
            entity.GetString("TokenHash") ?? "",
            entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue,
            entity.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue,
            entity.GetInt32("ResendCount") ?? 0,
            entity.GetString("AcceptedByUserId"),
            entity.GetDateTimeOffset("AcceptedAt"))
        .RestoreResendWindow(new FixedWindow(entity.GetDateTimeOffset("ResendWindowStart") ?? DateTimeOffset.MinValue, entity.GetInt32("ResendsInWindow") ?? 0));
    }
}
