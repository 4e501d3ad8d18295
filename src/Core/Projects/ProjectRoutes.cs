using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Projects;

/// <summary>Projects and project access (issue 3).</summary>
public static class ProjectRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
    ];
}
