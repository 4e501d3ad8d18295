using CustomerFunctions.Core.Auth;

namespace CustomerFunctions.Core.Impersonation;

/// <summary>How <c>GET /api/me</c> describes an impersonation token: whose it is and the one account it acts on.</summary>
public sealed record ImpersonationDescription(string ImpersonatedBy, string AccountId)
{
    public static ImpersonationDescription? For(Caller caller) =>
        caller is { ImpersonatedBy: { } by, ImpersonatedAccountId: { } account } ? new(by, account) : null;
}
