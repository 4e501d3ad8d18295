using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Registration;

/// <summary>Row <c>link|{id}</c> of a partner's partition.</summary>
public sealed class InvitationLinkRow : RowMapper<InvitationLink>
{
    public const string Prefix = "link|";

    /// <summary>The key part of a link's row: its id (generated, so always a safe key part).</summary>
    public static string Id(string linkId) => linkId;

    public override TableEntity ToEntity(string partitionKey, InvitationLink value) => new(partitionKey, Prefix + Id(value.Id))
    {
        ["LinkId"] = value.Id,
        ["TokenHash"] = value.TokenHash,
        ["ExpiresAt"] = value.ExpiresAt,
        ["MaxUses"] = value.MaxUses,
        ["Uses"] = value.Uses,
        ["RevokedAt"] = value.RevokedAt,
        ["CreatedAt"] = value.CreatedAt,
        ["CreatedBy"] = value.CreatedBy,
    };

    public override InvitationLink FromEntity(TableEntity entity) => new(
        entity.GetString("LinkId") ?? entity.RowKey[Prefix.Length..],
        entity.GetString("TokenHash") ?? "",
        entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue,
        entity.GetInt32("MaxUses"),
        entity.GetInt32("Uses") ?? 0,
        entity.GetDateTimeOffset("RevokedAt"),
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("CreatedBy") ?? "");
}
