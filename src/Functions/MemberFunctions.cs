using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the member routes and /api/me: each hands the raw request to src/Core's dispatcher.</summary>
public sealed class MemberFunctions(ApiDispatcher api)
{
    [Function("ListMembers")]
    public Task<IResult> ListMembers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}/members")] HttpRequest request) => api.RunAsync("ListMembers", request);

    [Function("AddMyself")]
    public Task<IResult> AddMyself([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/members/me")] HttpRequest request) => api.RunAsync("AddMyself", request);

    [Function("ChangeMemberRole")]
    public Task<IResult> ChangeMemberRole([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/customers/{id}/members/{userId}/role")] HttpRequest request) => api.RunAsync("ChangeMemberRole", request);

    [Function("UpdateMember")]
    public Task<IResult> UpdateMember([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/customers/{id}/members/{userId}")] HttpRequest request) => api.RunAsync("UpdateMember", request);

    [Function("RemoveMember")]
    public Task<IResult> RemoveMember([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/customers/{id}/members/{userId}")] HttpRequest request) => api.RunAsync("RemoveMember", request);

    [Function("GetMe")]
    public Task<IResult> GetMe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me")] HttpRequest request) => api.RunAsync("GetMe", request);
}
