using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Projects;

/// <summary>Projects and project access.</summary>
public static class ProjectRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<ProjectEndpoints>.For("ListProjects", "GET", "customers/{id}/projects", Access.Reads(Allowed.Everyone), (e, s, r) => e.List(s, r))
            with { Summary = "List projects with their members (customer employees see only projects they were given access to)", ResponseType = typeof(ProjectListView), Query = ["pageSize", "continuationToken"] },
        Route<ProjectEndpoints>.For("CreateProject", "POST", "customers/{id}/projects", Access.Writes(Allowed.Admins), (e, s, r) => e.Create(s, r))
            with { Summary = "Create a project; 409 quota-exceeded when projectCount would pass projectQuota", BodyType = typeof(CreateProjectBody), ResponseType = typeof(ProjectView), Success = [201] },
        Route<ProjectEndpoints>.For("GetProject", "GET", "customers/{id}/projects/{projectId}", Access.Reads(Allowed.Everyone), (e, s, r) => e.Get(s, r))
            with { Summary = "Read a project with its members", ResponseType = typeof(ProjectView) },
        Route<ProjectEndpoints>.For("DeleteProject", "DELETE", "customers/{id}/projects/{projectId}", Access.Writes(Allowed.Admins), (e, s, r) => e.Delete(s, r))
            with { Summary = "Delete a project and every access to it" },
        Route<ProjectEndpoints>.For("GrantProjectAccess", "PUT", "customers/{id}/projects/{projectId}/members/{userId}", Access.Writes(Allowed.Admins), (e, s, r) => e.Grant(s, r))
            with { Summary = "Give a customer member access to a project (idempotent)", ResponseType = typeof(ProjectAccessView) },
        Route<ProjectEndpoints>.For("RevokeProjectAccess", "DELETE", "customers/{id}/projects/{projectId}/members/{userId}", Access.Writes(Allowed.Admins), (e, s, r) => e.Revoke(s, r))
            with { Summary = "Take a member's access to a project away" },
    ];
}
