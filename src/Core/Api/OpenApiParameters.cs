using System.Text.Json.Nodes;

namespace CustomerFunctions.Core.Api;

/// <summary>An operation's parameters: its route values, its query parameters and the headers it honours.</summary>
internal static class OpenApiParameters
{
    private static readonly Dictionary<string, JsonObject> Shared = new(StringComparer.Ordinal)
    {
        ["pageSize"] = new() { ["name"] = "pageSize", ["in"] = "query", ["description"] = "Items per page (1-200, default 50)", ["schema"] = new JsonObject { ["type"] = "integer", ["format"] = "int32", ["minimum"] = 1, ["maximum"] = 200 } },
        ["continuationToken"] = new() { ["name"] = "continuationToken", ["in"] = "query", ["description"] = "The previous page's continuationToken (opaque; bound to the query and the caller)", ["schema"] = new JsonObject { ["type"] = "string" } },
        ["IdempotencyKey"] = new()
        {
            ["name"] = "Idempotency-Key",
            ["in"] = "header",
            ["description"] = "Retry safely: the same key with the same body replays the first answer (for 24 hours); with another body, 422 idempotency-key-reused",
            ["schema"] = new JsonObject { ["type"] = "string", ["maxLength"] = 200 },
            ["example"] = "3f1c6c9e-2b7a-4f0e-9a51-6f7c2f3f9d10",
        },
        ["IfMatch"] = new() { ["name"] = "If-Match", ["in"] = "header", ["description"] = "The ETag last read; 412 precondition-failed when the resource changed since", ["schema"] = new JsonObject { ["type"] = "string" }, ["example"] = "W/\"datetime'2026-01-01T00%3A00%3A00Z'\"" },
    };

    public static JsonObject Components() => new(Shared.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.DeepClone())));

    public static JsonArray Of(ApiRoute route)
    {
        var parameters = new JsonArray();
        foreach (var name in route.Template.Parameters)
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }
        foreach (var name in route.Query ?? [])
        {
            parameters.Add(Shared.ContainsKey(name) ? Ref(name) : new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } });
        }
        if (OperationOutcomes.TakesIdempotencyKey(route))
        {
            parameters.Add(Ref("IdempotencyKey"));
        }
        if (OperationOutcomes.HonoursIfMatch(route))
        {
            parameters.Add(Ref("IfMatch"));
        }
        return parameters;
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/parameters/" + name };
}
