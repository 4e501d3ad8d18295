using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Members;

/// <summary>Members and /api/me (issue 2).</summary>
public static class MemberRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
    ];
}
