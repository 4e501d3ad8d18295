using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Settings;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Registration;

/// <summary>Finds a link by its token and counts its uses, always checking the link row itself (the index only points).</summary>
public sealed class InvitationLinks(IndexTable index, StorageClients storage, AccountStore accounts)
{
    private static readonly Caller System = Caller.System("registration");

    public static ApiError Refused() =>
        new(403, "invitation-link-invalid", "You may not do this.", "The invitation link is unknown, expired, used up or revoked.");

    /// <summary>The partner and link a token opens, or null unless links are on, the link is usable and its partner stands.</summary>
    public async Task<(string PartnerId, InvitationLink Link)?> FindUsableAsync(string token, OperatorSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!settings.InvitationLinks)
        {
            return null;
        }
        var hash = IdGenerator.Hash(token);
        var pointer = await index.ResolveAsync(IndexTable.Token(InvitationLink.TokenPurpose, hash), cancellationToken);
        if (pointer is not { } target || !Keys.IsIdentifier(target.AccountId))
        {
            return null;
        }
        var row = await storage.Accounts.GetEntityIfExistsAsync<TableEntity>(target.AccountId, target.RowKey, cancellationToken: cancellationToken);
        if (!row.HasValue || !target.RowKey.StartsWith(InvitationLink.Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var link = InvitationLink.FromEntity(row.Value!);
        if (link.TokenHash != hash || !link.IsUsableAt(now))
        {
            return null;
        }
        var partner = await accounts.ReadAccountAsync(target.AccountId, cancellationToken);
        return partner is { Account: { Kind: AccountKind.Partner, Status: AccountStatus.Active } } ? (target.AccountId, link) : null;
    }

    /// <summary>
    /// Counts <paramref name="registrationHash"/>'s use of the link, once: a repeated claim by the same registration is a
    /// no-op, a new one is refused unless the link is still usable. Serialized by the partner's profile ETag.
    /// </summary>
    public async Task ClaimUseAsync(string partnerId, string linkId, string registrationHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = await accounts.OpenAsync(partnerId, null, System);
        if (session.Account is not { Kind: AccountKind.Partner, Status: AccountStatus.Active })
        {
            throw new ApiErrorException(Refused());
        }
        var useKey = InvitationLink.UseRowKey(linkId, registrationHash);
        var existingUse = await session.Table.GetEntityIfExistsAsync<TableEntity>(partnerId, useKey, select: ["RowKey"], cancellationToken: cancellationToken);
        if (existingUse.HasValue)
        {
            return;
        }
        var row = await session.Table.GetEntityIfExistsAsync<TableEntity>(partnerId, InvitationLink.RowKey(linkId), cancellationToken: cancellationToken);
        var link = row.HasValue ? InvitationLink.FromEntity(row.Value!) : null;
        if (link is null || !link.IsUsableAt(now))
        {
            throw new ApiErrorException(Refused());
        }
        session.Replace(link.Used().ToEntity(partnerId));
        session.Add(new TableEntity(partnerId, useKey) { ["UsedAt"] = now });
        await session.CommitAsync(ApiResponse.NoContent());
    }

    /// <summary>Gives a use back when the registration that claimed it could not create its account.</summary>
    public async Task ReleaseUseAsync(string partnerId, string linkId, string registrationHash, CancellationToken cancellationToken)
    {
        var session = await accounts.OpenAsync(partnerId, null, System);
        var useKey = InvitationLink.UseRowKey(linkId, registrationHash);
        var existingUse = await session.Table.GetEntityIfExistsAsync<TableEntity>(partnerId, useKey, select: ["RowKey"], cancellationToken: cancellationToken);
        var row = await session.Table.GetEntityIfExistsAsync<TableEntity>(partnerId, InvitationLink.RowKey(linkId), cancellationToken: cancellationToken);
        if (session.Account is null || !existingUse.HasValue || !row.HasValue)
        {
            return;
        }
        var link = InvitationLink.FromEntity(row.Value!);
        session.Replace((link with { Uses = Math.Max(0, link.Uses - 1) }).ToEntity(partnerId));
        session.Delete(useKey);
        await session.CommitAsync(ApiResponse.NoContent());
    }
}
