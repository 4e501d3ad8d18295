using CustomerFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>HTTP adapters for the product routes: each hands the raw request to src/Core's dispatcher.</summary>
public sealed class ProductFunctions(ApiDispatcher api)
{
    [Function("ListProducts")]
    public Task<IResult> ListProducts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/products")] HttpRequest request) => api.RunAsync("ListProducts", request);

    [Function("GetProduct")]
    public Task<IResult> GetProduct([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/products/{productId}")] HttpRequest request) => api.RunAsync("GetProduct", request);

    [Function("UpsertProduct")]
    public Task<IResult> UpsertProduct([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/products/{productId}")] HttpRequest request) => api.RunAsync("UpsertProduct", request);

    [Function("ListPartnerProducts")]
    public Task<IResult> ListPartnerProducts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/{partnerId}/products")] HttpRequest request) => api.RunAsync("ListPartnerProducts", request);

    [Function("SetPartnerProductVisibility")]
    public Task<IResult> SetPartnerProductVisibility([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/partners/{partnerId}/products/{productId}")] HttpRequest request) => api.RunAsync("SetPartnerProductVisibility", request);

    [Function("ListCustomerProducts")]
    public Task<IResult> ListCustomerProducts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{id}/products")] HttpRequest request) => api.RunAsync("ListCustomerProducts", request);

    [Function("SetCustomerProduct")]
    public Task<IResult> SetCustomerProduct([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/customers/{id}/products/{productId}")] HttpRequest request) => api.RunAsync("SetCustomerProduct", request);
}
