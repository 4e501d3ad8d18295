using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Projects;

/// <summary>Projects and project access.</summary>
public static class ProjectRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.For<ProjectEndpoints>("ListProjects", "GET", "customers/{id}/projects", (e, r) => e.List(r))
            with { Summary = "List projects with their members (customer employees see only projects they were given access to)", Who = "operator; its partner; its members", ResponseType = typeof(ProjectListView), Query = ["pageSize", "continuationToken"] },
        ApiRoute.For<ProjectEndpoints>("CreateProject", "POST", "customers/{id}/projects", (e, r) => e.Create(r))
            with { Summary = "Create a project; 409 quota-exceeded when projectCount would pass projectQuota", Who = "operator; its partner; its customer admins", BodyType = typeof(CreateProjectBody), ResponseType = typeof(ProjectView) },
        ApiRoute.For<ProjectEndpoints>("GetProject", "GET", "customers/{id}/projects/{projectId}", (e, r) => e.Get(r))
            with { Summary = "Read a project with its members", Who = "operator; its partner; its customer admins; employees with access", ResponseType = typeof(ProjectView) },
        ApiRoute.For<ProjectEndpoints>("DeleteProject", "DELETE", "customers/{id}/projects/{projectId}", (e, r) => e.Delete(r))
            with { Summary = "Delete a project and every access to it", Who = "operator; its partner; its customer admins" },
        ApiRoute.For<ProjectEndpoints>("GrantProjectAccess", "PUT", "customers/{id}/projects/{projectId}/members/{userId}", (e, r) => e.Grant(r))
            with { Summary = "Give a customer member access to a project (idempotent)", Who = "operator; its partner; its customer admins", ResponseType = typeof(ProjectAccessView) },
        ApiRoute.For<ProjectEndpoints>("RevokeProjectAccess", "DELETE", "customers/{id}/projects/{projectId}/members/{userId}", (e, r) => e.Revoke(r))
            with { Summary = "Take a member's access to a project away", Who = "operator; its partner; its customer admins" },
    ];
}
