using System.Text.Json;
using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Tests.Contract;

/// <summary>
/// The document is one a client generator turns into a good client: named schemas behind every body, tags, servers,
/// the responses each operation can really give, and no schema shape Kiota cannot read.
/// </summary>
public sealed class OpenApiDocumentShape
{
    private static readonly JsonElement Document = JsonDocument.Parse(OpenApiDocument.Json).RootElement;

    [Fact]
    public void EveryBody_IsANamedComponentSchema()
    {
        var schemas = Document.GetProperty("components").GetProperty("schemas");
        foreach (var (route, operation) in Operations())
        {
            if (route.BodyType is not null)
            {
                Assert.Equal("#/components/schemas/" + route.BodyType.Name, operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
                Assert.True(schemas.TryGetProperty(route.BodyType.Name, out _), route.BodyType.Name);
            }
            if (route.ResponseType is not null)
            {
                var success = operation.GetProperty("responses").GetProperty(route.Success[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal("#/components/schemas/" + route.ResponseType.Name, success.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
            }
        }
        foreach (var main in new[] { "AccountView", "AccountPage", "MemberView", "InvitationView", "ProjectView", "HistoryEvent", "Problem" })
        {
            Assert.True(schemas.TryGetProperty(main, out _), main);
        }
    }

    [Fact]
    public void EveryOperation_HasItsFeaturesTag_AndTheDocumentHasServers()
    {
        Assert.True(Document.GetProperty("servers").GetArrayLength() > 0);
        var tags = Document.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToHashSet();
        foreach (var (route, operation) in Operations())
        {
            var tag = Assert.Single(operation.GetProperty("tags").EnumerateArray()).GetString();
            Assert.Equal(route.Feature, tag);
            Assert.Contains(tag, tags);
        }
    }

    [Fact]
    public void EveryOperation_ListsItsDeclaredSuccessesAndFailures_AndNoBlanketSet()
    {
        foreach (var (route, operation) in Operations())
        {
            var statuses = operation.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            Assert.All(route.Success, s => Assert.Contains(s, statuses));
            Assert.All(route.DeclaredFailures.Where(t => t != typeof(Failure)), t => Assert.Contains(Problems.StatusOf(t), statuses));
            Assert.Equal(!route.Anonymous, statuses.Contains(401));
            Assert.Equal(OperationOutcomes.HonoursIfMatch(route), statuses.Contains(412));
            Assert.Equal(route.BodyType is not null, statuses.Contains(413));
        }
    }

    [Fact]
    public void NamedRules_AreListedWithTheirProblemTypes()
    {
        var (_, removeMember) = Operations().Single(o => o.Route.Name == "RemoveMember");
        Assert.Contains("`last-admin`", removeMember.GetProperty("responses").GetProperty("409").GetProperty("description").GetString(), StringComparison.Ordinal);
        var (_, createCustomer) = Operations().Single(o => o.Route.Name == "CreateCustomer");
        Assert.Contains("`identifier-taken`", createCustomer.GetProperty("responses").GetProperty("409").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeaders_IdempotencyKeyIfMatchAndETag_AreDocumented()
    {
        var (_, create) = Operations().Single(o => o.Route.Name == "CreateCustomer");
        Assert.Contains(create.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("$ref").GetString() == "#/components/parameters/IdempotencyKey");
        var (_, update) = Operations().Single(o => o.Route.Name == "UpdateCustomer");
        Assert.Contains(update.GetProperty("parameters").EnumerateArray(), p => p.TryGetProperty("$ref", out var r) && r.GetString() == "#/components/parameters/IfMatch");
        var (_, get) = Operations().Single(o => o.Route.Name == "GetCustomer");
        Assert.True(get.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.True(get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
    }

    [Fact]
    public void AddMyself_IsDocumentedAsTheCreateItIs()
    {
        var (_, addMyself) = Operations().Single(o => o.Route.Name == "AddMyself");
        var responses = addMyself.GetProperty("responses");
        Assert.True(responses.TryGetProperty("201", out _));
        Assert.False(responses.TryGetProperty("200", out _));
    }

    [Fact]
    public void NoSchema_IsABareBooleanOrANullUnionOfObjects()
    {
        static void Walk(JsonElement node, string path)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in node.EnumerateObject().Where(p => p.Name is not ("example" or "examples")))
                    {
                        if (property.Name is "anyOf" or "oneOf" or "allOf")
                        {
                            Assert.Fail($"{path}/{property.Name}: generators read unions poorly");
                        }
                        // additionalProperties: false (unknown fields are refused) is fine; a bare true anywhere is "anything".
                        if ((property.Name is "schema" or "items" && property.Value.ValueKind != JsonValueKind.Object)
                            || (property.Name == "additionalProperties" && property.Value.ValueKind == JsonValueKind.True))
                        {
                            Assert.Fail($"{path}/{property.Name} is a bare boolean schema");
                        }
                        if (property.Name == "properties")
                        {
                            foreach (var field in property.Value.EnumerateObject())
                            {
                                Assert.True(field.Value.ValueKind == JsonValueKind.Object, $"{path}/properties/{field.Name} is a bare boolean schema");
                            }
                        }
                        Walk(property.Value, path + "/" + property.Name);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in node.EnumerateArray())
                    {
                        Walk(item, path);
                    }
                    break;
            }
        }
        Walk(Document, "#");
    }

    private static IEnumerable<(ApiRoute Route, JsonElement Operation)> Operations() =>
        ApiRoutes.All.Select(r => (r, Document.GetProperty("paths").GetProperty("/api/" + r.Route).GetProperty(r.Verb.ToLowerInvariant())));
}
