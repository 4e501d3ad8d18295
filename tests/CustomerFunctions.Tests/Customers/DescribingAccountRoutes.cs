using System.Text.Json;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Customers;

public sealed class DescribingAccountRoutes(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task TheOpenApiDocument_DescribesTheAccountAndHistoryRoutes()
    {
        var document = (await f.Anonymous.Get("/openapi/v1.json")).Is(200).Json;
        var paths = document.GetProperty("paths");
        // Shared parameters and every body schema are references into components.
        JsonElement Resolve(JsonElement node) => node.TryGetProperty("$ref", out var reference)
            ? reference.GetString()!["#/".Length..].Split('/').Aggregate(document, (at, name) => at.GetProperty(name))
            : node;

        var customers = paths.GetProperty("/api/customers");
        Assert.Equal("ListCustomers", customers.GetProperty("get").GetProperty("operationId").GetString());
        Assert.Contains(customers.GetProperty("get").GetProperty("parameters").EnumerateArray(), p => Resolve(p).GetProperty("name").GetString() == "testAccounts");

        var patch = paths.GetProperty("/api/customers/{id}").GetProperty("patch");
        Assert.Contains(patch.GetProperty("parameters").EnumerateArray(), p => Resolve(p).GetProperty("name").GetString() == "If-Match");
        var patchFields = Resolve(patch.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema")).GetProperty("properties");
        Assert.True(patchFields.TryGetProperty("customId", out _));
        Assert.False(patchFields.TryGetProperty("id", out _));

        Assert.True(paths.GetProperty("/api/customers/{id}/status").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/customers/{id}/quota").TryGetProperty("put", out _));
        var history = paths.GetProperty("/api/customers/{id}/history").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(history.GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.True(history.GetProperty("headers").TryGetProperty("Continuation-Token", out _));
    }
}
