using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Settings;
using CustomerFunctions.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Registration;

public sealed record CreateInvitationLinkBody(DateTimeOffset? ExpiresAt, int? MaxUses);

/// <summary>A link as the API shows it; <c>url</c> (carrying the token) only in the answer to its creation.</summary>
public sealed record InvitationLinkView(
    string Id, string? Url, DateTimeOffset ExpiresAt, int? MaxUses, int Uses, InvitationLinkState State, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt)
{
    public static InvitationLinkView From(InvitationLink link, DateTimeOffset now, string? url = null) =>
        new(link.Id, url, link.ExpiresAt, link.MaxUses, link.Uses, link.StateAt(now), link.CreatedAt, link.CreatedBy, link.RevokedAt);
}

public sealed record InvitationLinkPage(IReadOnlyList<InvitationLinkView> Items, string? ContinuationToken);

/// <summary>A partner's invitation links: create, list, revoke. Operators and the partner's own members, while the operator has links on.</summary>
public sealed class InvitationLinkEndpoints(AccountStore accounts, OperatorSettingsStore settingsStore, Paging paging, IdGenerator ids, IOptions<PanelOptions> panel)
{
    public const int MaxUsesLimit = 100_000;
    private static readonly TimeSpan LongestLifetime = TimeSpan.FromDays(365);

    /// <summary>The partner account's own members (admins and employees) and operators.</summary>
    private static readonly Relation[] PartnerPeople = [Relation.Operator, Relation.Admin, Relation.Member];

    public async Task<IResult> Create(ApiRequest request)
    {
        var body = request.ReadBody<CreateInvitationLinkBody>();
        var check = new Validator().Range("maxUses", body.MaxUses, 1, MaxUsesLimit);
        var session = await OpenPartnerAsync(request, writes: true);
        var now = session.Now;
        if (body.ExpiresAt is not { } expiresAt)
        {
            check.Error("expiresAt", "Required.");
        }
        else if (expiresAt <= now || expiresAt > now + LongestLifetime)
        {
            check.Error("expiresAt", "Must be in the future and at most 365 days ahead.");
        }
        check.ThrowIfInvalid();

        var token = IdGenerator.NewToken();
        var link = new InvitationLink(ids.New(), IdGenerator.Hash(token), body.ExpiresAt!.Value.ToUniversalTime(), body.MaxUses, 0, null, now, request.Caller.UserId);
        session.Add(link.ToEntity(session.AccountId));
        session.Record(EventTypes.InvitationLinkCreated, new { linkId = link.Id, expiresAt = link.ExpiresAt, maxUses = link.MaxUses });
        session.Effect(new IndexToken(InvitationLink.TokenPurpose, link.TokenHash, link.Key));
        var view = InvitationLinkView.From(link, now, panel.Value.Link("register", token));
        return await session.CommitAsync(ApiResponse.Created($"/api/partners/{session.AccountId}/invitation-links/{link.Id}", view));
    }

    public async Task<IResult> List(ApiRequest request)
    {
        var session = await OpenPartnerAsync(request, writes: false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {session.AccountId} and RowKey ge {InvitationLink.Prefix} and RowKey lt {Keys.PrefixEnd(InvitationLink.Prefix)}");
        var (rows, continuation) = await paging.QueryAsync(session.Table, filter, request, Paging.Scope(request));
        var now = session.Now;
        return ApiResponse.Ok(new InvitationLinkPage(rows.Select(r => InvitationLinkView.From(InvitationLink.FromEntity(r), now)).ToList(), continuation));
    }

    public async Task<IResult> Revoke(ApiRequest request)
    {
        var session = await OpenPartnerAsync(request, writes: true);
        var linkId = request.RouteValue("linkId");
        var row = Keys.IsSafeKeyPart(linkId)
            ? await session.Table.GetEntityIfExistsAsync<TableEntity>(session.AccountId, InvitationLink.RowKey(linkId), cancellationToken: request.Aborted)
            : null;
        if (row is not { HasValue: true })
        {
            throw new ApiErrorException(ApiError.NotFound("The invitation link"));
        }
        var link = InvitationLink.FromEntity(row.Value!);
        if (link.RevokedAt is not null)
        {
            return ApiResponse.NoContent();
        }
        session.Replace(link.Revoked(session.Now).ToEntity(session.AccountId));
        session.Record(EventTypes.InvitationLinkRevoked, new { linkId = link.Id });
        session.Effect(new RemoveToken(InvitationLink.TokenPurpose, link.TokenHash));
        return await session.CommitAsync(ApiResponse.NoContent());
    }

    private async Task<AccountSession> OpenPartnerAsync(ApiRequest request, bool writes)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("partnerId"), request)).Authorize(PartnerPeople, writes);
        if (session.Existing.Kind != AccountKind.Partner)
        {
            throw new ApiErrorException(ApiError.NotFound("The partner"));
        }
        var (settings, _) = await settingsStore.ReadAsync(request.Aborted);
        if (!settings.InvitationLinks)
        {
            throw new ApiErrorException(new ApiError(403, "invitation-links-disabled", "You may not do this.", "The operator has invitation links turned off."));
        }
        return session;
    }
}
