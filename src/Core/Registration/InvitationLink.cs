namespace CustomerFunctions.Core.Registration;

/// <summary>
/// A partner's invitation link: whoever registers through it while it is usable becomes that partner's customer.
/// Row <c>link|{id}</c> in the partner's partition; the token itself is never stored, only its hash.
/// </summary>
public sealed record InvitationLink(
    string Id, string TokenHash, DateTimeOffset ExpiresAt, int? MaxUses, int Uses, DateTimeOffset? RevokedAt,
    DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>The purpose of the link tokens' index pointers.</summary>
    public const string TokenPurpose = "link";

    public InvitationLinkState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationLinkState.Revoked :
        MaxUses is { } max && Uses >= max ? InvitationLinkState.UsedUp :
        now >= ExpiresAt ? InvitationLinkState.Expired :
        InvitationLinkState.Active;

    public bool IsUsableAt(DateTimeOffset now) => StateAt(now) == InvitationLinkState.Active;

    public InvitationLink Used() => this with { Uses = Uses + 1 };

    /// <summary>Gives a use back (its registration could not create the account).</summary>
    public InvitationLink Released() => this with { Uses = Math.Max(0, Uses - 1) };

    public InvitationLink Revoked(DateTimeOffset now) => this with { RevokedAt = RevokedAt ?? now };
}
