using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Settings;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Registration;

/// <summary>Finds a link by its token and counts its uses, always checking the link row itself (the index only points).</summary>
public sealed class InvitationLinks(IndexTable index, AccountStore accounts)
{
    private static readonly Caller System = Caller.System("registration");

    /// <summary>The partner and link a token opens, or null unless links are on, the link is usable and its partner stands.</summary>
    public async Task<(string PartnerId, InvitationLink Link)?> FindUsableAsync(string token, OperatorSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!settings.InvitationLinks)
        {
            return null;
        }
        var hash = IdGenerator.Hash(token);
        var pointer = await index.ResolveAsync(IndexTable.Token(InvitationLink.TokenPurpose, hash), cancellationToken);
        var kind = AccountPartition.InvitationLinks;
        if (pointer is not { } target || !Keys.IsIdentifier(target.AccountId) || !kind.Owns(target.RowKey))
        {
            return null;
        }
        var stored = await accounts.ReadAsync(target.AccountId, kind, target.RowKey[kind.Prefix.Length..], cancellationToken);
        if (stored?.Value is not { } link || link.TokenHash != hash || !link.IsUsableAt(now))
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
    public async Task<InvitationLinkInvalid?> ClaimUseAsync(string partnerId, string linkId, string registrationHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = await accounts.OpenAsync(partnerId, null, System);
        if (session.Account is not { Kind: AccountKind.Partner, Status: AccountStatus.Active })
        {
            return new InvitationLinkInvalid();
        }
        if (await accounts.ReadAsync(partnerId, AccountPartition.InvitationLinkUses, InvitationLinkUseRow.Id(linkId, registrationHash), cancellationToken) is not null)
        {
            return null;
        }
        var stored = await accounts.ReadAsync(partnerId, AccountPartition.InvitationLinks, InvitationLinkRow.Id(linkId), cancellationToken);
        if (stored is null || !stored.Value.IsUsableAt(now))
        {
            return new InvitationLinkInvalid();
        }
        session.Replace(AccountPartition.InvitationLinks, stored.Value.Used(), stored.ETag);
        session.Add(AccountPartition.InvitationLinkUses, new InvitationLinkUse(linkId, registrationHash, now));
        await session.CommitAsync(ApiResponse.NoContent());
        return null;
    }

    /// <summary>Gives a use back when the registration that claimed it could not create its account.</summary>
    public async Task ReleaseUseAsync(string partnerId, string linkId, string registrationHash, CancellationToken cancellationToken)
    {
        var session = await accounts.OpenAsync(partnerId, null, System);
        var useId = InvitationLinkUseRow.Id(linkId, registrationHash);
        var use = await accounts.ReadAsync(partnerId, AccountPartition.InvitationLinkUses, useId, cancellationToken);
        var stored = await accounts.ReadAsync(partnerId, AccountPartition.InvitationLinks, InvitationLinkRow.Id(linkId), cancellationToken);
        if (session.Account is null || use is null || stored is null)
        {
            return;
        }
        session.Replace(AccountPartition.InvitationLinks, stored.Value.Released(), stored.ETag);
        session.Delete(AccountPartition.InvitationLinkUses, useId);
        await session.CommitAsync(ApiResponse.NoContent());
    }
}
