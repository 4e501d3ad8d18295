using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Usage;

/// <summary>Usage records and report (issue 3).</summary>
public static class UsageRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
    ];
}
