using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the message routes: each hands the raw request to src/Core's dispatcher.</summary>
public sealed class MessageFunctions(ApiDispatcher api)
{
    [Function("SendMessage")]
    public Task<IResult> SendMessage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/messages")] HttpRequest request) => api.RunAsync("SendMessage", request);

    [Function("SendPartnerMessage")]
    public Task<IResult> SendPartnerMessage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/partners/{partnerId}/messages")] HttpRequest request) => api.RunAsync("SendPartnerMessage", request);

    [Function("ListMessages")]
    public Task<IResult> ListMessages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}/messages")] HttpRequest request) => api.RunAsync("ListMessages", request);

    [Function("GetMessage")]
    public Task<IResult> GetMessage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}/messages/{messageId}")] HttpRequest request) => api.RunAsync("GetMessage", request);

    [Function("GetMyMessages")]
    public Task<IResult> GetMyMessages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me/messages")] HttpRequest request) => api.RunAsync("GetMyMessages", request);

    [Function("AcknowledgeMessage")]
    public Task<IResult> AcknowledgeMessage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers/{id}/messages/{messageId}/acknowledgement")] HttpRequest request) => api.RunAsync("AcknowledgeMessage", request);
}
