using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the project routes: each hands the raw request to src/Core's dispatcher.</summary>
public sealed class ProjectFunctions(ApiDispatcher api)
{
    [Function("ListProjects")]
    public Task<IResult> ListProjects([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}/projects")] HttpRequest request) => api.RunAsync("ListProjects", request);

    [Function("CreateProject")]
    public Task<IResult> CreateProject([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/projects")] HttpRequest request) => api.RunAsync("CreateProject", request);

    [Function("GetProject")]
    public Task<IResult> GetProject([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}/projects/{projectId}")] HttpRequest request) => api.RunAsync("GetProject", request);

    [Function("DeleteProject")]
    public Task<IResult> DeleteProject([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/customers/{id}/projects/{projectId}")] HttpRequest request) => api.RunAsync("DeleteProject", request);

    [Function("GrantProjectAccess")]
    public Task<IResult> GrantProjectAccess([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/customers/{id}/projects/{projectId}/members/{userId}")] HttpRequest request) => api.RunAsync("GrantProjectAccess", request);

    [Function("RevokeProjectAccess")]
    public Task<IResult> RevokeProjectAccess([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/customers/{id}/projects/{projectId}/members/{userId}")] HttpRequest request) => api.RunAsync("RevokeProjectAccess", request);
}
