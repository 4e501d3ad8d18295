using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerFunctions.Core.Hosting;

namespace CustomerFunctions.Core.Api;

/// <summary>
/// The OpenAPI 3.1 document of the route table, built in src/Core so that both hosts serve the very same bytes: one
/// operation per route (tagged with its feature), named component schemas of the handlers' own types, and responses
/// derived from each route's declaration and its handler's declared outcomes (see docs/design-notes.md).
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";

    private static readonly Lazy<string> Document = new(Build);

    public static string Json => Document.Value;

    private static string Build()
    {
        var schemas = new OpenApiSchemas();
        schemas.Add("Problem", OpenApiResponses.ProblemSchema());
        var responses = new OpenApiResponses(schemas);
        var paths = new JsonObject();
        foreach (var group in ApiRoutes.All.GroupBy(r => "/api/" + r.Route))
        {
            var item = new JsonObject();
            foreach (var route in group)
            {
                item[route.Verb.ToLowerInvariant()] = Operation(route, schemas, responses);
            }
            paths[group.Key] = item;
        }
        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Customer Functions",
                ["version"] = "v1",
                ["description"] = "The partner panel's back end: accounts, members, invitations, projects, usage, deletion, registration, messages and products. "
                    + "Callers send `Authorization: Bearer <JWT>`; errors are RFC 9457 problem details (`application/problem+json`) whose `type` is "
                    + Http.Problems.TypeBase + "{problem type}; each operation lists the statuses and problem types it can answer.",
                ["license"] = new JsonObject { ["name"] = "Proprietary", ["identifier"] = "LicenseRef-Proprietary" },
            },
            ["servers"] = new JsonArray(
                new JsonObject { ["url"] = "/", ["description"] = "The host serving this document (src/Server or the Function App)" },
                new JsonObject { ["url"] = "http://127.0.0.1:7071", ["description"] = "scripts/run-local.sh" }),
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            ["tags"] = new JsonArray([.. ApiRoutes.All.Select(r => r.Feature).Distinct().Order(StringComparer.Ordinal)
                .Select(f => (JsonNode)new JsonObject { ["name"] = f, ["description"] = $"The {f} feature (src/Core/{f})" })]),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "A token of the identity provider; locally, the development token scripts/run-local.sh prints",
                    },
                },
                ["parameters"] = OpenApiParameters.Components(),
                ["headers"] = OpenApiResponses.HeaderComponents(),
            },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Operation(ApiRoute route, OpenApiSchemas schemas, OpenApiResponses responses)
    {
        var operation = new JsonObject
        {
            ["operationId"] = route.Name,
            ["tags"] = new JsonArray(route.Feature),
            ["summary"] = route.Summary,
            ["description"] = string.IsNullOrEmpty(route.Who) ? null : "Who: " + route.Who + ".",
            ["parameters"] = OpenApiParameters.Of(route),
        };
        if (route.BodyType is not null)
        {
            var body = new JsonObject { ["schema"] = schemas.Reference(route.BodyType) };
            if (OpenApiExamples.For(route.BodyType) is { } example)
            {
                body["example"] = example;
            }
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = body } };
        }
        operation["responses"] = responses.Of(route);
        operation["security"] = route.Anonymous ? new JsonArray() : new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
        return operation;
    }
}
