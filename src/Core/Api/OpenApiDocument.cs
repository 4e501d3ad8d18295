using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using CustomerFunctions.Core.Hosting;

namespace CustomerFunctions.Core.Api;

/// <summary>The OpenAPI 3.1 document of the route table, with request and response schemas taken from the handlers' own types.</summary>
public static class OpenApiDocument
{
    private static readonly Lazy<string> Document = new(Build);

    public static string Json => Document.Value;

    private static string Build()
    {
        var paths = new JsonObject();
        foreach (var group in ApiRoutes.All.GroupBy(r => "/api/" + r.Route))
        {
            var item = new JsonObject();
            foreach (var route in group)
            {
                var operation = new JsonObject
                {
                    ["operationId"] = route.Name,
                    ["summary"] = route.Summary,
                    ["description"] = string.IsNullOrEmpty(route.Who) ? null : "Who: " + route.Who,
                    ["parameters"] = new JsonArray([
                        .. route.Template.Parameters.Select(p => (JsonNode)new JsonObject { ["name"] = p, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } }),
                        .. (route.Query ?? []).Select(q => (JsonNode)new JsonObject { ["name"] = q, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } }),
                    ]),
                    ["responses"] = Responses(route),
                };
                if (route.BodyType is not null)
                {
                    operation["requestBody"] = new JsonObject
                    {
                        ["required"] = true,
                        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(route.BodyType) } },
                    };
                }
                if (route.Verb == "POST")
                {
                    ((JsonArray)operation["parameters"]!).Add(new JsonObject { ["name"] = "Idempotency-Key", ["in"] = "header", ["schema"] = new JsonObject { ["type"] = "string" } });
                }
                if (route.Verb is "PATCH" or "PUT")
                {
                    ((JsonArray)operation["parameters"]!).Add(new JsonObject { ["name"] = "If-Match", ["in"] = "header", ["description"] = "The ETag last read; 412 when the resource changed since", ["schema"] = new JsonObject { ["type"] = "string" } });
                }
                operation["security"] = route.Anonymous ? new JsonArray() : new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
                item[route.Verb.ToLowerInvariant()] = operation;
            }
            paths[group.Key] = item;
        }
        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "Customer Functions", ["version"] = "v1", ["description"] = "The partner panel's back end: accounts, members, invitations and more. Errors are RFC 9457 problem details." },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" } },
                ["schemas"] = new JsonObject
                {
                    ["Problem"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["type"] = new JsonObject { ["type"] = "string" },
                            ["title"] = new JsonObject { ["type"] = "string" },
                            ["status"] = new JsonObject { ["type"] = "integer" },
                            ["detail"] = new JsonObject { ["type"] = "string" },
                            ["errors"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } } },
                        },
                    },
                },
            },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Responses(ApiRoute route)
    {
        var success = route.Verb switch { "POST" when route.Name.StartsWith("Create", StringComparison.Ordinal) => "201", "DELETE" => "204", _ => "200" };
        var responses = new JsonObject();
        var ok = new JsonObject { ["description"] = "Success" };
        if (route.ResponseType is not null)
        {
            ok["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(route.ResponseType) } };
        }
        if (route.Csv)
        {
            ok["content"] ??= new JsonObject();
            ok["content"]!["text/csv"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } };
            ok["headers"] = new JsonObject
            {
                ["Continuation-Token"] = new JsonObject { ["description"] = "CSV answers: the token of the next page, absent on the last", ["schema"] = new JsonObject { ["type"] = "string" } },
            };
        }
        responses[success] = ok;
        foreach (var status in new[] { "400", "401", "403", "404", "409", "412", "413", "422", "429" })
        {
            responses[status] = new JsonObject
            {
                ["description"] = "Problem details",
                ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } } },
            };
        }
        return responses;
    }

    private static JsonNode Schema(Type type) => JsonSchemaExporter.GetJsonSchemaAsNode(Http.Json.Options, type);
}
