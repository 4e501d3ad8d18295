using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Impersonation;

/// <summary>"Log in as the customer": an operator or the account's partner gets a short-lived customer admin token for that one account.</summary>
public sealed class ImpersonationEndpoints(ImpersonationTokens tokens, IdGenerator ids)
{
    public async Task<Answer<ApiResponse, Invalid, NotACustomer, AccountDisabled>> Start(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<StartImpersonationBody>();
        if (new Validator().Text("reason", body.Reason, 500, required: true).Failure is { } invalid)
        {
            return invalid;
        }
        var account = session.Existing;
        if (account.Kind != AccountKind.Customer)
        {
            return new NotACustomer();
        }
        if (account.Status == AccountStatus.Disabled)
        {
            return new AccountDisabled();
        }
        var now = session.Now;
        var expiresAt = now + ImpersonationTokens.Lifetime;
        var impersonationId = ids.New();
        var caller = session.Caller;
        var through = session.Relation == Relation.Partner && session.PartnerMember is { } member && account.PartnerId is { } partnerId ? (partnerId, member.Role) : ((string, MemberRole)?)null;
        var token = tokens.Mint(caller, account.Id, through, impersonationId, now, expiresAt);
        session.Record(EventTypes.ImpersonationStarted, new
        {
            impersonationId,
            reason = body.Reason!.Trim(),
            expiresAt,
            impersonator = new { userId = caller.UserId, name = caller.Name, email = caller.Email, relation = session.Relation },
        });
        return await session.CommitAsync(ApiResponse.Ok(new ImpersonationGrant(token, expiresAt, impersonationId, account.Id)));
    }
}
