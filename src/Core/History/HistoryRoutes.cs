using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.History;

/// <summary>An account's history (issue 2).</summary>
public static class HistoryRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
    ];
}
