using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Projects;

/// <summary>Projects and project access.</summary>
public static class ProjectRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.Legacy<ProjectEndpoints>("ListProjects", "GET", "customers/{id}/projects", Access.Reads(Allowed.Everyone), (e, r) => e.List(r))
            with { Summary = "List projects with their members (customer employees see only projects they were given access to)", ResponseType = typeof(ProjectListView), Query = ["pageSize", "continuationToken"] },
        ApiRoute.Legacy<ProjectEndpoints>("CreateProject", "POST", "customers/{id}/projects", Access.Writes(Allowed.Admins), (e, r) => e.Create(r))
            with { Summary = "Create a project; 409 quota-exceeded when projectCount would pass projectQuota", BodyType = typeof(CreateProjectBody), ResponseType = typeof(ProjectView) },
        ApiRoute.Legacy<ProjectEndpoints>("GetProject", "GET", "customers/{id}/projects/{projectId}", Access.Reads(Allowed.Everyone), (e, r) => e.Get(r))
            with { Summary = "Read a project with its members", ResponseType = typeof(ProjectView) },
        ApiRoute.Legacy<ProjectEndpoints>("DeleteProject", "DELETE", "customers/{id}/projects/{projectId}", Access.Writes(Allowed.Admins), (e, r) => e.Delete(r))
            with { Summary = "Delete a project and every access to it" },
        ApiRoute.Legacy<ProjectEndpoints>("GrantProjectAccess", "PUT", "customers/{id}/projects/{projectId}/members/{userId}", Access.Writes(Allowed.Admins), (e, r) => e.Grant(r))
            with { Summary = "Give a customer member access to a project (idempotent)", ResponseType = typeof(ProjectAccessView) },
        ApiRoute.Legacy<ProjectEndpoints>("RevokeProjectAccess", "DELETE", "customers/{id}/projects/{projectId}/members/{userId}", Access.Writes(Allowed.Admins), (e, r) => e.Revoke(r))
            with { Summary = "Take a member's access to a project away" },
    ];
}
