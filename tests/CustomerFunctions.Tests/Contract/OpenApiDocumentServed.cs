using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Contract;

/// <summary>
/// What src/Server answers outside the route table: the OpenAPI document (the very bytes src/Core builds, which the
/// Functions host's catch-all serves too), the API reference at /docs, /health, and problem details for the rest.
/// </summary>
public sealed class OpenApiDocumentServed(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task TheServer_ServesTheDocumentSrcCoreBuilds_DescribingEveryRoute()
    {
        var served = (await f.Anonymous.Get("/openapi/v1.json")).Is(200);
        Assert.Equal(OpenApiDocument.Json, served.Text);
        var document = served.Json;
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        foreach (var route in ApiRoutes.All)
        {
            var operation = paths.GetProperty("/api/" + route.Route).GetProperty(route.Verb.ToLowerInvariant());
            Assert.Equal(route.Name, operation.GetProperty("operationId").GetString());
            Assert.Equal(route.Anonymous, operation.GetProperty("security").GetArrayLength() == 0);
        }
    }

    [Fact]
    public async Task TheApiReference_IsServedAtDocs_OverTheDocument()
    {
        var page = (await f.Anonymous.Get("/docs")).Is(200);
        Assert.Equal("text/html", page.ContentHeaders.ContentType?.MediaType);
        Assert.Contains(ApiReferencePage.ScriptPath, page.Text, StringComparison.Ordinal);
        Assert.Contains(OpenApiDocument.Path, page.Text, StringComparison.Ordinal);

        var script = (await f.Anonymous.Get(ApiReferencePage.ScriptPath)).Is(200);
        Assert.Equal("text/javascript", script.ContentHeaders.ContentType?.MediaType);
        Assert.Contains("createApiReference", script.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_AnswersOk()
    {
        Assert.Equal("ok", (await f.Anonymous.Get("/health")).Is(200).Text);
    }

    [Fact]
    public async Task AWrongVerbOrUnknownPath_AnswersProblemDetails()
    {
        (await f.As(TestUser.Operator()).Send(HttpMethod.Options, "/api/customers", null)).IsProblem(404, "not-found");
        (await f.As(TestUser.Operator()).Send(HttpMethod.Post, "/openapi/v1.json", null)).IsProblem(404, "not-found");
        (await f.As(TestUser.Operator()).Get("/api/no/such/thing")).IsProblem(404, "not-found");
        (await f.Anonymous.Get("/docs/no-such.js")).IsProblem(404, "not-found");
    }
}
