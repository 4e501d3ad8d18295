using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the account routes: each hands the raw request to src/Core's dispatcher.</summary>
public sealed class AccountFunctions(ApiDispatcher api)
{
    [Function("CreateCustomer")]
    public Task<IResult> CreateCustomer([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/customers")] HttpRequest request) => api.RunAsync("CreateCustomer", request);

    [Function("GetCustomer")]
    public Task<IResult> GetCustomer([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}")] HttpRequest request) => api.RunAsync("GetCustomer", request);

    [Function("ListCustomers")]
    public Task<IResult> ListCustomers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers")] HttpRequest request) => api.RunAsync("ListCustomers", request);

    [Function("CountCustomers")]
    public Task<IResult> CountCustomers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/counts")] HttpRequest request) => api.RunAsync("CountCustomers", request);

    [Function("ListPartnerSellers")]
    public Task<IResult> ListPartnerSellers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/{partnerId}/sellers")] HttpRequest request) => api.RunAsync("ListPartnerSellers", request);

    [Function("UpdateCustomer")]
    public Task<IResult> UpdateCustomer([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/customers/{id}")] HttpRequest request) => api.RunAsync("UpdateCustomer", request);

    [Function("SetCustomerStatus")]
    public Task<IResult> SetCustomerStatus([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/customers/{id}/status")] HttpRequest request) => api.RunAsync("SetCustomerStatus", request);

    [Function("SetCustomerQuota")]
    public Task<IResult> SetCustomerQuota([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/customers/{id}/quota")] HttpRequest request) => api.RunAsync("SetCustomerQuota", request);

    [Function("SetAccountKind")]
    public Task<IResult> SetAccountKind([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/customers/{id}/kind")] HttpRequest request) => api.RunAsync("SetAccountKind", request);
}
