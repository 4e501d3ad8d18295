using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Impersonation;

/// <summary>Log in as the customer (issue 6).</summary>
public static class ImpersonationRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
    ];
}
