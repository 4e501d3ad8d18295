using System.Text.Json;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Tests.Contract;

/// <summary>
/// Every JSON body an operation sends or answers has an example, and every example in the document (a media type's
/// <c>example</c> or named <c>examples</c>, a schema's <c>examples</c>) is valid against its schema.
/// </summary>
public sealed class OpenApiExamplesValid
{
    private static readonly JsonElement Document = JsonDocument.Parse(OpenApiDocument.Json).RootElement;
    private static readonly SchemaSubsetValidator Validator = new(Document);

    [Fact]
    public void EveryJsonRequestBodyAndSuccess_HasAnExample()
    {
        var missing = JsonBodies().Where(b => b.Success).Where(b => !HasExample(b.Media)).Select(b => b.Where).ToList();
        Assert.True(missing.Count == 0, "No example: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryExample_IsValidAgainstItsSchema()
    {
        var errors = new List<string>();
        var checkedExamples = 0;
        foreach (var (where, media, _) in JsonBodies())
        {
            foreach (var (name, example) in Examples(media))
            {
                checkedExamples++;
                errors.AddRange(Validator.Errors(example, media.GetProperty("schema")).Select(e => $"{where} {name}: {e}"));
            }
        }
        foreach (var schema in Document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            foreach (var example in schema.Value.TryGetProperty("examples", out var list) ? list.EnumerateArray() : default)
            {
                checkedExamples++;
                errors.AddRange(Validator.Errors(example, schema.Value).Select(e => $"schema {schema.Name}: {e}"));
            }
        }
        Assert.True(checkedExamples > 60, $"only {checkedExamples} examples checked");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void TheValidator_RefusesWhatTheSchemaRefuses()
    {
        var account = Document.GetProperty("components").GetProperty("schemas").GetProperty("AccountView");
        var valid = OpenApiExamples.For(typeof(CustomerFunctions.Core.Customers.AccountView))!.ToJsonString();
        Assert.Empty(Validator.Errors(JsonDocument.Parse(valid).RootElement, account));
        foreach (var (from, to) in new[] { ("\"id\":\"acme\",", ""), ("\"kind\":\"customer\"", "\"kind\":\"vendor\""), ("\"projectQuota\":10", "\"projectQuota\":1.5"),
            ("\"createdAt\":\"2026", "\"createdAt\":\"soon"), ("\"id\":\"acme\"", "\"id\":\"acme\",\"colour\":\"red\"") })
        {
            Assert.Contains(from, valid, StringComparison.Ordinal);
            Assert.NotEmpty(Validator.Errors(JsonDocument.Parse(valid.Replace(from, to, StringComparison.Ordinal)).RootElement, account));
        }
    }

    private static bool HasExample(JsonElement media) =>
        media.TryGetProperty("example", out _) || media.TryGetProperty("examples", out _)
        || (media.GetProperty("schema").TryGetProperty("$ref", out var reference)
            && Document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]).TryGetProperty("examples", out _));

    private static IEnumerable<(string Name, JsonElement Example)> Examples(JsonElement media)
    {
        if (media.TryGetProperty("example", out var example))
        {
            yield return ("example", example);
        }
        foreach (var named in media.TryGetProperty("examples", out var examples) ? examples.EnumerateObject() : default)
        {
            yield return (named.Name, named.Value.GetProperty("value"));
        }
    }

    /// <summary>Every JSON media type of a request body or response (problem details too), and whether it is a body or a success.</summary>
    private static IEnumerable<(string Where, JsonElement Media, bool Success)> JsonBodies()
    {
        foreach (var path in Document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var id = operation.Value.GetProperty("operationId").GetString();
                if (operation.Value.TryGetProperty("requestBody", out var body))
                {
                    yield return ($"{id} request", body.GetProperty("content").GetProperty("application/json"), true);
                }
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    foreach (var media in response.Value.TryGetProperty("content", out var content) ? content.EnumerateObject() : default)
                    {
                        if (media.Name.EndsWith("json", StringComparison.Ordinal))
                        {
                            yield return ($"{id} {response.Name} {media.Name}", media.Value, response.Name.StartsWith('2'));
                        }
                    }
                }
            }
        }
    }
}
