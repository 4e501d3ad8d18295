using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Impersonation;

/// <summary>Log in as the customer.</summary>
public static class ImpersonationRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<ImpersonationEndpoints>.For("StartImpersonation", "POST", "customers/{id}/impersonation", Access.Writes(Allowed.Managers) with { ImpersonationRefused = "An impersonation token cannot start another impersonation." }, (e, s, r) => e.Start(s, r))
            with { Summary = "Get a bearer token (15 minutes) that acts as a customer admin of this account only; every event it causes names the impersonator. It stops working when the account is disabled or deleted, and cannot start another impersonation. Event IMPERSONATION_STARTED", BodyType = typeof(StartImpersonationBody), ResponseType = typeof(ImpersonationGrant) },
    ];
}
