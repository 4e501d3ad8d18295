using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>Which partner a partner member acts for: the one they name (if they belong to it) or their only one.</summary>
public sealed class CallerPartners(AccountStore accounts, PartnerMembershipIndex memberships)
{
    /// <param name="forbidden">The 403 detail when the caller does not belong to the named partner, or to none.</param>
    /// <param name="writes">The caller means to change something for the partner: refused while the partner is disabled.</param>
    public async Task<PartnerChoice> ResolveAsync(ApiRequest request, string? requested, string forbidden, bool writes = false)
    {
        var userId = request.Caller.UserId;
        if (requested is not null)
        {
            // Both point reads at once: a partner that does not exist has no members either.
            var partnerTask = accounts.ReadAccountAsync(requested, request.Aborted);
            var member = await accounts.ReadMemberAsync(requested, userId, request.Aborted);
            var partner = (await partnerTask)?.Account;
            return partner is { Kind: AccountKind.Partner, IsDeleted: false } && member is not null
                ? Standing(new PartnerChoice(requested), partner, writes)
                : new PartnerChoice(null, Refused: new Forbidden(forbidden));
        }
        var choice = await OnlyPartnerAsync(request, userId, forbidden);
        return writes && choice.Id is { } only ? Standing(choice, (await accounts.ReadAccountAsync(only, request.Aborted))?.Account, writes) : choice;
    }

    /// <summary>A disabled partner's members may read its customers but create nothing for it.</summary>
    private static PartnerChoice Standing(PartnerChoice choice, Account? partner, bool writes) =>
        writes && partner is { Status: AccountStatus.Disabled }
            ? new PartnerChoice(null, Refused: new Forbidden("Your partner account is disabled; its members may only read."))
            : choice;

    private async Task<PartnerChoice> OnlyPartnerAsync(ApiRequest request, string userId, string forbidden)
    {
        var partners = new List<string>();
        await foreach (var partnerId in memberships.PartnerIdsAsync(userId, request.Aborted))
        {
            // The index is derived data: confirm each membership at its source.
            if (await accounts.ReadMemberAsync(partnerId, userId, request.Aborted) is not null)
            {
                partners.Add(partnerId);
            }
        }
        return partners.Count switch
        {
            1 => new PartnerChoice(partners[0]),
            0 => new PartnerChoice(null, Refused: new Forbidden(forbidden)),
            _ => new PartnerChoice(null, Ambiguous: new SeveralPartners()),
        };
    }
}
