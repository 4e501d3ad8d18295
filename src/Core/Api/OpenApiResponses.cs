using System.Globalization;
using System.Text.Json.Nodes;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Api;

/// <summary>
/// An operation's responses: its declared successes, then each failure status it can answer with its problem types
/// (listed in the description and as one named example each, which generators and linters can read).
/// </summary>
internal sealed class OpenApiResponses(OpenApiSchemas schemas)
{
    public JsonObject Of(ApiRoute route)
    {
        var responses = new JsonObject();
        foreach (var status in route.Success)
        {
            responses[status.ToString(CultureInfo.InvariantCulture)] = Success(route, status);
        }
        foreach (var (status, types) in OperationOutcomes.FailuresOf(route))
        {
            responses[status.ToString(CultureInfo.InvariantCulture)] = Failure(status, types);
        }
        return responses;
    }

    private JsonObject Success(ApiRoute route, int status)
    {
        var response = new JsonObject { ["description"] = status switch { 201 => "Created", 202 => "Accepted", 204 => "No content", _ => "OK" } };
        var headers = new JsonObject();
        if (route.ResponseType is not null && status != 204)
        {
            var json = new JsonObject { ["schema"] = schemas.Reference(route.ResponseType) };
            if (OpenApiExamples.For(route.ResponseType) is { } example)
            {
                json["example"] = example;
            }
            response["content"] = new JsonObject { ["application/json"] = json };
        }
        if (route.Csv)
        {
            response["content"] ??= new JsonObject();
            response["content"]!["text/csv"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } };
            if (route.Query?.Contains("continuationToken") == true)
            {
                headers["Continuation-Token"] = HeaderRef("ContinuationToken");
            }
        }
        if (status == 201)
        {
            headers["Location"] = HeaderRef("Location");
        }
        if (route.ETag || OperationOutcomes.HonoursIfMatch(route))
        {
            headers["ETag"] = HeaderRef("ETag");
        }
        if (headers.Count > 0)
        {
            response["headers"] = headers;
        }
        return response;
    }

    private static JsonObject Failure(int status, IEnumerable<string> types)
    {
        var listed = string.Join(", ", types.Select(t => "`" + t + "`"));
        var problem = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } };
        if (types.Any())
        {
            // One named example per problem type, keyed by it: the machine-readable list (the description is for people).
            problem["examples"] = new JsonObject(types.Select(t => KeyValuePair.Create(t, (JsonNode?)new JsonObject
            {
                ["summary"] = t,
                ["value"] = new JsonObject { ["type"] = Problems.TypeBase + t, ["title"] = ProblemTitle(status, t), ["status"] = status },
            })));
        }
        var response = new JsonObject
        {
            ["description"] = Title(status) + (listed.Length > 0 ? ". Problem types: " + listed : ""),
            ["content"] = new JsonObject { ["application/problem+json"] = problem },
        };
        if (status is 429 or 503)
        {
            response["headers"] = new JsonObject { ["Retry-After"] = HeaderRef("RetryAfter") };
        }
        return response;
    }

    /// <summary>The title the API answers a problem of this status (and type) with.</summary>
    private static string ProblemTitle(int status, string type) => status switch
    {
        400 => ApiError.BadRequest("").Title,
        401 => ApiError.Unauthorized("").Title,
        403 => ApiError.Forbidden("").Title,
        404 => ApiError.NotFound("").Title,
        409 => ApiError.Conflict(type, "").Title,
        410 => ApiError.Gone(type, "").Title,
        412 => ApiError.PreconditionFailed().Title,
        413 => ApiError.TooLarge(0).Title,
        415 => ApiError.UnsupportedMediaType().Title,
        422 => ApiError.Unprocessable(type, "").Title,
        429 => ApiError.TooManyRequests("").Title,
        503 when type == "busy" => ApiError.Busy().Title,
        _ => Title(status),
    };

    private static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        410 => "Gone",
        412 => "Precondition failed",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Unprocessable",
        429 => "Too many requests",
        503 => "Service unavailable",
        _ => "Problem",
    };

    public static JsonObject ProblemSchema() => new()
    {
        ["type"] = "object",
        ["description"] = "RFC 9457 problem details",
        ["required"] = new JsonArray("type", "title", "status"),
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string", ["description"] = Problems.TypeBase + "{problem type}, e.g. " + Problems.TypeBase + "last-admin" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["errors"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Validation failures: the messages of each invalid field",
                ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            },
        },
        ["examples"] = new JsonArray(new JsonObject
        {
            ["type"] = Problems.TypeBase + "last-admin",
            ["title"] = "The request conflicts with the current state.",
            ["status"] = 409,
            ["detail"] = "This is the account's last admin: make another member an admin first.",
        }),
    };

    public static JsonObject HeaderComponents() => new()
    {
        ["ETag"] = new JsonObject { ["description"] = "The version read; send it back as If-Match", ["schema"] = new JsonObject { ["type"] = "string" } },
        ["Location"] = new JsonObject { ["description"] = "The created resource", ["schema"] = new JsonObject { ["type"] = "string" } },
        ["RetryAfter"] = new JsonObject { ["description"] = "Seconds to wait before trying again", ["schema"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" } },
        ["ContinuationToken"] = new JsonObject { ["description"] = "CSV answers: the next page's token, absent on the last", ["schema"] = new JsonObject { ["type"] = "string" } },
    };

    private static JsonObject HeaderRef(string name) => new() { ["$ref"] = "#/components/headers/" + name };
}
