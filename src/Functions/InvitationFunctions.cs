using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the invitation routes: each hands the raw request to src/Core's dispatcher.</summary>
public sealed class InvitationFunctions(ApiDispatcher api)
{
    [Function("ListInvitations")]
    public Task<IResult> ListInvitations([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}/invitations")] HttpRequest request) => api.RunAsync("ListInvitations", request);

    [Function("CreateInvitation")]
    public Task<IResult> CreateInvitation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/invitations")] HttpRequest request) => api.RunAsync("CreateInvitation", request);

    [Function("GetInvitation")]
    public Task<IResult> GetInvitation([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}/invitations/{invitationId}")] HttpRequest request) => api.RunAsync("GetInvitation", request);

    [Function("ResendInvitation")]
    public Task<IResult> ResendInvitation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/invitations/{invitationId}/resend")] HttpRequest request) => api.RunAsync("ResendInvitation", request);

    [Function("CancelInvitation")]
    public Task<IResult> CancelInvitation([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/customers/{id}/invitations/{invitationId}")] HttpRequest request) => api.RunAsync("CancelInvitation", request);

    [Function("AcceptInvitation")]
    public Task<IResult> AcceptInvitation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invitations/accept")] HttpRequest request) => api.RunAsync("AcceptInvitation", request);
}
