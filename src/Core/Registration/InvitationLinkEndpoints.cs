using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Settings;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Registration;

/// <summary>A partner's invitation links: create, list, revoke. Operators and the partner's own members (declared on the routes), while the operator has links on.</summary>
public sealed class InvitationLinkEndpoints(OperatorSettingsStore settingsStore, Paging paging, IdGenerator ids, InvitationLinkTokens tokens, IOptions<PanelOptions> panel)
{
    public const int MaxUsesLimit = 100_000;
    private static readonly TimeSpan LongestLifetime = TimeSpan.FromDays(365);

    public async Task<Answer<ApiResponse, Invalid, NotFound, InvitationLinksDisabled>> Create(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<CreateInvitationLinkBody>();
        var check = new Validator().Range("maxUses", body.MaxUses, 1, MaxUsesLimit);
        if (NotAPartner(session) is { } notFound)
        {
            return notFound;
        }
        if (await LinksDisabledAsync(request) is { } disabled)
        {
            return disabled;
        }
        var now = session.Now;
        if (body.ExpiresAt is not { } expiresAt)
        {
            check.Error("expiresAt", "Required.");
        }
        else if (expiresAt <= now || expiresAt > now + LongestLifetime)
        {
            check.Error("expiresAt", "Must be in the future and at most 365 days ahead.");
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }

        var linkId = ids.New();
        var token = tokens.For(session.AccountId, linkId);
        var link = new InvitationLink(linkId, IdGenerator.Hash(token), body.ExpiresAt!.Value.ToUniversalTime(), body.MaxUses, 0, null, now, session.Caller.UserId);
        session.Add(AccountPartition.InvitationLinks, link);
        session.Record(EventTypes.InvitationLinkCreated, new { linkId = link.Id, expiresAt = link.ExpiresAt, maxUses = link.MaxUses });
        session.Effect(new IndexToken(InvitationLink.TokenPurpose, link.TokenHash, AccountPartition.InvitationLinks.Key(InvitationLinkRow.Id(link.Id))));
        var view = InvitationLinkView.From(link, now, panel.Value.Link("register", token));
        return await session.CommitAsync(ApiResponse.Created($"/api/partners/{session.AccountId}/invitation-links/{link.Id}", view));
    }

    public async Task<Answer<ApiResponse, NotFound, InvitationLinksDisabled>> List(AccountSession session, ApiRequest request)
    {
        if (NotAPartner(session) is { } notFound)
        {
            return notFound;
        }
        if (await LinksDisabledAsync(request) is { } disabled)
        {
            return disabled;
        }
        var (links, continuation) = await session.PageAsync(AccountPartition.InvitationLinks, paging);
        var now = session.Now;
        return ApiResponse.Ok(new InvitationLinkPage([.. links.Select(l => InvitationLinkView.From(l, now, UrlOf(session.AccountId, l, now)))], continuation));
    }

    public async Task<Answer<ApiResponse, NotFound, InvitationLinksDisabled>> Revoke(AccountSession session, ApiRequest request)
    {
        if (NotAPartner(session) is { } notFound)
        {
            return notFound;
        }
        if (await LinksDisabledAsync(request) is { } disabled)
        {
            return disabled;
        }
        var linkId = request.RouteValue("linkId");
        var stored = Keys.IsSafeKeyPart(linkId) ? await session.ReadAsync(AccountPartition.InvitationLinks, InvitationLinkRow.Id(linkId)) : null;
        if (stored is null)
        {
            return new NotFound("The invitation link");
        }
        var link = stored.Value;
        if (link.RevokedAt is not null)
        {
            return ApiResponse.NoContent();
        }
        session.Replace(AccountPartition.InvitationLinks, link.Revoked(session.Now), stored.ETag);
        session.Record(EventTypes.InvitationLinkRevoked, new { linkId = link.Id });
        session.Effect(new RemoveToken(InvitationLink.TokenPurpose, link.TokenHash));
        return await session.CommitAsync(ApiResponse.NoContent());
    }

    /// <summary>The url of an active link ("Copy the link"); a revoked, expired or used-up link has none.</summary>
    private string? UrlOf(string partnerId, InvitationLink link, DateTimeOffset now) =>
        link.IsUsableAt(now) && tokens.Recover(partnerId, link) is { } token ? panel.Value.Link("register", token) : null;

    /// <summary>Links belong to partner accounts: any other account named in the route is not one.</summary>
    private static NotFound? NotAPartner(AccountSession session) =>
        session.Existing.Kind == AccountKind.Partner ? null : new NotFound("The partner");

    private async Task<InvitationLinksDisabled?> LinksDisabledAsync(ApiRequest request)
    {
        var (settings, _) = await settingsStore.ReadAsync(request.Aborted);
        return settings.InvitationLinks ? null : new InvitationLinksDisabled();
    }
}
