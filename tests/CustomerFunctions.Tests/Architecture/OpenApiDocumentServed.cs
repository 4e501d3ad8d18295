using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Architecture;

public sealed class OpenApiDocumentServed(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task TheServer_ServesAnOpenApiDocument_DescribingEveryRoute()
    {
        var document = (await f.Anonymous.Get("/openapi/v1.json")).Is(200).Json;
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        foreach (var route in ApiRoutes.All)
        {
            var operation = paths.GetProperty("/api/" + route.Route).GetProperty(route.Verb.ToLowerInvariant());
            Assert.Equal(route.Name, operation.GetProperty("operationId").GetString());
            Assert.Equal(route.Anonymous, operation.GetProperty("security").GetArrayLength() == 0);
            if (route.BodyType is not null)
            {
                Assert.Equal(System.Text.Json.JsonValueKind.Object, operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").ValueKind);
            }
        }
    }

    [Fact]
    public async Task AWrongVerbOrUnknownPath_AnswersProblemDetails()
    {
        (await f.As(TestUser.Operator()).Send(HttpMethod.Options, "/api/customers", null)).IsProblem(404, "not-found");
        (await f.As(TestUser.Operator()).Get("/api/no/such/thing")).IsProblem(404, "not-found");
    }
}
