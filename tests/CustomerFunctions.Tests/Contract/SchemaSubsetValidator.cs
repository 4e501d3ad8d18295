using System.Globalization;
using System.Text.Json;

namespace CustomerFunctions.Tests.Contract;

/// <summary>
/// Validates a JSON value against a schema of the OpenAPI document, for the JSON Schema keywords the document uses
/// (<c>$ref</c> to components, <c>type</c>, <c>enum</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties</c>,
/// <c>items</c>, <c>format</c>). A keyword it does not know is reported as an error, so the document cannot start using
/// one that examples would then be checked against silently.
/// </summary>
internal sealed class SchemaSubsetValidator(JsonElement document)
{
    private static readonly HashSet<string> Known = ["$ref", "type", "enum", "properties", "required", "additionalProperties", "items", "format", "description", "examples"];

    public IReadOnlyList<string> Errors(JsonElement value, JsonElement schema)
    {
        var errors = new List<string>();
        Check(value, schema, "$", errors);
        return errors;
    }

    private void Check(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at}: the schema is not an object");
            return;
        }
        foreach (var keyword in schema.EnumerateObject().Where(k => !Known.Contains(k.Name)))
        {
            errors.Add($"{at}: the validator does not know '{keyword.Name}'");
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(value, Resolve(reference.GetString()!), at, errors);
        }
        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => IsOfType(value, t)))
            {
                errors.Add($"{at}: {value.ValueKind} is not {string.Join(" or ", types)}");
                return;
            }
        }
        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
        {
            errors.Add($"{at}: {value} is not one of {values}");
        }
        if (schema.TryGetProperty("format", out var format) && value.ValueKind == JsonValueKind.String && format.GetString() == "date-time"
            && !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{at}: '{value.GetString()}' is not a date-time");
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(value, schema, at, errors);
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, $"{at}[{index++}]", errors);
            }
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                errors.Add($"{at}: '{name}' is required");
            }
        }
        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var field in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(field.Name, out var fieldSchema))
            {
                Check(field.Value, fieldSchema, at + "." + field.Name, errors);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{at}: '{field.Name}' is not a property of the schema");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(field.Value, additional, at + "." + field.Name, errors);
            }
        }
    }

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };

    private JsonElement Resolve(string reference)
    {
        const string Prefix = "#/components/schemas/";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Only component schemas are referenced: {reference}");
        }
        return document.GetProperty("components").GetProperty("schemas").GetProperty(reference[Prefix.Length..]);
    }
}
