using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Deletion requests and deletion (issue 4).</summary>
public static class DeletionRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
    ];
}
