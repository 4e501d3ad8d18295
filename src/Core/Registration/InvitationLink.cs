using Azure.Data.Tables;

namespace CustomerFunctions.Core.Registration;

public enum InvitationLinkState { Active, Expired, UsedUp, Revoked }

/// <summary>
/// A partner's invitation link: whoever registers through it while it is usable becomes that partner's customer.
/// Row <c>link|{id}</c> in the partner's partition; the token itself is never stored, only its hash.
/// </summary>
public sealed record InvitationLink(
    string Id, string TokenHash, DateTimeOffset ExpiresAt, int? MaxUses, int Uses, DateTimeOffset? RevokedAt,
    DateTimeOffset CreatedAt, string CreatedBy)
{
    public const string Prefix = "link|";
    public const string TokenPurpose = "link";

    public string Key => RowKey(Id);

    public static string RowKey(string id) => Prefix + id;

    /// <summary>The row that records one registration's use of a link, so confirming twice never counts twice.</summary>
    public static string UseRowKey(string linkId, string registrationHash) => "linkuse|" + linkId + "|" + registrationHash;

    public InvitationLinkState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationLinkState.Revoked :
        MaxUses is { } max && Uses >= max ? InvitationLinkState.UsedUp :
        now >= ExpiresAt ? InvitationLinkState.Expired :
        InvitationLinkState.Active;

    public bool IsUsableAt(DateTimeOffset now) => StateAt(now) == InvitationLinkState.Active;

    public InvitationLink Used() => this with { Uses = Uses + 1 };

    public InvitationLink Revoked(DateTimeOffset now) => this with { RevokedAt = RevokedAt ?? now };

    public TableEntity ToEntity(string partnerId) => new(partnerId, Key)
    {
        ["LinkId"] = Id,
        ["TokenHash"] = TokenHash,
        ["ExpiresAt"] = ExpiresAt,
        ["MaxUses"] = MaxUses,
        ["Uses"] = Uses,
        ["RevokedAt"] = RevokedAt,
        ["CreatedAt"] = CreatedAt,
        ["CreatedBy"] = CreatedBy,
    };

    public static InvitationLink FromEntity(TableEntity e) => new(
        e.GetString("LinkId") ?? e.RowKey[Prefix.Length..],
        e.GetString("TokenHash") ?? "",
        e.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue,
        e.GetInt32("MaxUses"),
        e.GetInt32("Uses") ?? 0,
        e.GetDateTimeOffset("RevokedAt"),
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        e.GetString("CreatedBy") ?? "");
}
