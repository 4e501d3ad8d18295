namespace CustomerFunctions.Core.Registration;

/// <summary>A link as the API shows it; <c>url</c> (carrying the token) while the link is active.</summary>
public sealed record InvitationLinkView(
    string Id, string? Url, DateTimeOffset ExpiresAt, int? MaxUses, int Uses, InvitationLinkState State, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt)
{
    public static InvitationLinkView From(InvitationLink link, DateTimeOffset now, string? url = null) =>
        new(link.Id, url, link.ExpiresAt, link.MaxUses, link.Uses, link.StateAt(now), link.CreatedAt, link.CreatedBy, link.RevokedAt);
}
