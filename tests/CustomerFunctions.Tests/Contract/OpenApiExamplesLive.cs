using System.Text.Json;
using CustomerFunctions.Core.Api;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Contract;

/// <summary>
/// The main answers of a running src/Server are valid against the schemas the examples are checked with, and every
/// field the server wrote is one its example shows, so the examples look like what the panel will really get.
/// </summary>
public sealed class OpenApiExamplesLive(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private static readonly JsonElement Document = JsonDocument.Parse(OpenApiDocument.Json).RootElement;
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task TheMainAnswers_MatchTheirSchemasAndExamples()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email = $"g-{Guid.NewGuid():N}@example.test", fullName = "Grace Hopper" })).Is(201);
        (await f.As(admin).Post($"/api/customers/{customer}/projects", new { id = "web-shop", name = "Web shop" })).Is(201);

        await Matches(f.As(admin), "/api/me", "/api/me");
        await Matches(f.As(op), $"/api/customers/{customer}", "/api/customers/{id}");
        await Matches(f.As(admin), $"/api/customers/{customer}/members", "/api/customers/{id}/members");
        await Matches(f.As(admin), $"/api/customers/{customer}/invitations", "/api/customers/{id}/invitations");
        await Matches(f.As(admin), $"/api/customers/{customer}/projects", "/api/customers/{id}/projects");
        await Matches(f.As(op), "/api/settings", "/api/settings");
        await Matches(f.Anonymous, "/api/public/settings", "/api/public/settings");
    }

    [Fact]
    public async Task AProblem_IsValidAndOneOfTheListedTypes()
    {
        var reply = (await f.As(op).Get($"/api/customers/{Ids.Account()}")).IsProblem(404);
        var media = Document.GetProperty("paths").GetProperty("/api/customers/{id}").GetProperty("get").GetProperty("responses").GetProperty("404")
            .GetProperty("content").GetProperty("application/problem+json");
        Assert.Empty(new SchemaSubsetValidator(Document).Errors(reply.Json, media.GetProperty("schema")));
        var listed = media.GetProperty("examples").EnumerateObject().Select(e => e.Value.GetProperty("value").GetProperty("type").GetString());
        Assert.Contains(reply.Str("type"), listed);
    }

    private static async Task Matches(ApiClient caller, string path, string template)
    {
        var answer = (await caller.Get(path)).Is(200).Json;
        var media = Document.GetProperty("paths").GetProperty(template).GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json");
        var errors = new SchemaSubsetValidator(Document).Errors(answer, media.GetProperty("schema"));
        Assert.True(errors.Count == 0, template + ": " + string.Join("; ", errors));
        var example = media.GetProperty("example");
        var unshown = Fields(answer).Except(Fields(example)).ToList();
        Assert.True(unshown.Count == 0, $"{template}: the example does not show {string.Join(", ", unshown)}");
    }

    /// <summary>The field names of an answer and of its list's first item.</summary>
    private static IEnumerable<string> Fields(JsonElement body) =>
        body.EnumerateObject().Select(p => p.Name).Concat(
            body.TryGetProperty("items", out var items) && items.GetArrayLength() > 0 ? items[0].EnumerateObject().Select(p => "items." + p.Name) : []);
}
