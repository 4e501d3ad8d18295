using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Registration;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for registration, approval and invitation-link routes.</summary>
public sealed class RegistrationFunctions(ApiDispatcher api, RegistrationPurge purge)
{
    [Function("Register")]
    public Task<IResult> Register([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/registrations")] HttpRequest request) => api.RunAsync("Register", request);

    [Function("ConfirmRegistration")]
    public Task<IResult> ConfirmRegistration([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/registrations/confirm")] HttpRequest request) => api.RunAsync("ConfirmRegistration", request);

    [Function("ApproveCustomer")]
    public Task<IResult> ApproveCustomer([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/approval")] HttpRequest request) => api.RunAsync("ApproveCustomer", request);

    [Function("RejectCustomer")]
    public Task<IResult> RejectCustomer([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/rejection")] HttpRequest request) => api.RunAsync("RejectCustomer", request);

    [Function("CreateInvitationLink")]
    public Task<IResult> CreateInvitationLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/partners/{partnerId}/invitation-links")] HttpRequest request) => api.RunAsync("CreateInvitationLink", request);

    [Function("ListInvitationLinks")]
    public Task<IResult> ListInvitationLinks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/{partnerId}/invitation-links")] HttpRequest request) => api.RunAsync("ListInvitationLinks", request);

    [Function("RevokeInvitationLink")]
    public Task<IResult> RevokeInvitationLink([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/partners/{partnerId}/invitation-links/{linkId}")] HttpRequest request) => api.RunAsync("RevokeInvitationLink", request);

    // The schedule is the app setting Timers:RegistrationPurge (Timers__RegistrationPurge in Azure app settings), a six-field CRON expression.
    [Function("RegistrationPurge")]
    public Task Purge([TimerTrigger("%Timers:RegistrationPurge%")] TimerInfo timer, CancellationToken cancellationToken) => purge.RunAsync(cancellationToken);
}
