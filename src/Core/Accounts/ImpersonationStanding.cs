using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Core.Accounts;

/// <summary>
/// Whether an impersonation token still stands, re-checked on every request from what storage says now: the token
/// lasts only while its impersonator could start it again. A partner member's token ends when they leave the partner,
/// when their role is lowered, when the partner is disabled or deleted, or when the account moves to another partner; any
/// token ends when its account is disabled or deleted (for good: enabling either again does not revive the token). An
/// operator's standing lives in the identity provider, not in storage, so an operator's token is bounded by its
/// 15 minutes and by its account.
/// </summary>
public static class ImpersonationStanding
{
    /// <summary>Why the impersonation has ended, or null while it stands.</summary>
    /// <param name="partner">The partner the token was started through and the impersonator's membership there now (null for an operator's token).</param>
    public static string? EndedBecause(Caller caller, Account? account, (Account? Account, Member? Issuer)? partner)
    {
        if (account is null or { Status: AccountStatus.Disabled or AccountStatus.Deleted } || DisabledSince(account, caller))
        {
            return "The impersonation ended: the account is disabled or deleted.";
        }
        var issuedRole = caller.ImpersonationIssuerRole;
        if (issuedRole == ImpersonationClaims.OperatorRole && caller.ImpersonationPartnerId is null)
        {
            return null;
        }
        if (partner is not { } through || issuedRole is null || account.PartnerId != caller.ImpersonationPartnerId)
        {
            return "The impersonation ended: the account is no longer managed by the partner it was started through.";
        }
        if (through.Account is null or { IsDeleted: true } or { Status: AccountStatus.Disabled } || DisabledSince(through.Account, caller))
        {
            return "The impersonation ended: the partner it was started through is disabled or deleted.";
        }
        if (through.Issuer is not { } issuer || (issuedRole == nameof(MemberRole.PartnerAdmin) && !issuer.IsAdmin))
        {
            return "The impersonation ended: its impersonator left the partner or lost the role they started it with.";
        }
        return null;
    }

    /// <summary>Disabled after the token was issued: the token stays dead even once the account is enabled again.</summary>
    private static bool DisabledSince(Account account, Caller caller) =>
        account.LastDisabledAt is { } disabledAt && (caller.ImpersonationIssuedAt is not { } issuedAt || issuedAt <= disabledAt);
}
