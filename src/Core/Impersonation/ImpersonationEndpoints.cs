using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Impersonation;

public sealed record StartImpersonationBody(string? Reason);

/// <summary>The token that acts as a customer admin of <see cref="AccountId"/> until <see cref="ExpiresAt"/>.</summary>
public sealed record ImpersonationGrant(string Token, DateTimeOffset ExpiresAt, string ImpersonationId, string AccountId);

/// <summary>How <c>GET /api/me</c> describes an impersonation token: whose it is and the one account it acts on.</summary>
public sealed record ImpersonationDescription(string ImpersonatedBy, string AccountId)
{
    public static ImpersonationDescription? For(Caller caller) =>
        caller is { ImpersonatedBy: { } by, ImpersonatedAccountId: { } account } ? new(by, account) : null;
}

/// <summary>"Log in as the customer": an operator or the account's partner gets a short-lived customer admin token for that one account.</summary>
public sealed class ImpersonationEndpoints(AccountStore accounts, ImpersonationTokens tokens, IdGenerator ids)
{

    public async Task<Microsoft.AspNetCore.Http.IResult> Start(ApiRequest request)
    {
        var body = request.ReadBody<StartImpersonationBody>();
        new Validator().Text("reason", body.Reason, 500, required: true).ThrowIfInvalid();
        if (request.Caller.IsImpersonation)
        {
            throw new ApiErrorException(ApiError.Forbidden("An impersonation token cannot start another impersonation."));
        }
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Managers, writes: true);
        var account = session.Existing;
        if (account.Kind != AccountKind.Customer)
        {
            throw new ApiErrorException(ApiError.Conflict("not-a-customer", "Only customer accounts can be impersonated."));
        }
        if (account.Status == AccountStatus.Disabled)
        {
            throw new ApiErrorException(ApiError.Conflict("account-disabled", "The account is disabled; an impersonation token would not work on it."));
        }
        var now = session.Now;
        var expiresAt = now + ImpersonationTokens.Lifetime;
        var impersonationId = ids.New();
        var caller = request.Caller;
        var token = tokens.Mint(caller, account.Id, impersonationId, now, expiresAt);
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
