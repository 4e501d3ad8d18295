using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace CustomerFunctions.Core.Api;

/// <summary>
/// The component schemas of the OpenAPI document: every object and enum type the API reads or writes becomes one named
/// schema (referenced with <c>$ref</c>), exported from the very serializer options the API uses, so the document cannot
/// drift from the JSON on the wire. Shapes client generators cannot read are rewritten: a free-form value (<c>object</c>,
/// <c>JsonElement</c>: a bare <c>true</c> schema) becomes an explicit schema, and a named schema never carries
/// <c>null</c> (a nullable reference is a plain <c>$ref</c>; absence already means "not set"). Nullable scalars stay
/// <c>"type": ["string", "null"]</c>, which Kiota and openapi-typescript read. A property the API may leave out (every
/// nullable one: nulls are not written; every free-form one) is not <c>required</c>, so a merge-patch body takes any subset.
/// </summary>
internal sealed class OpenApiSchemas
{
    private readonly SortedDictionary<string, JsonNode> components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> named = new(StringComparer.Ordinal);

    public JsonObject Components => new(components.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value.DeepClone())));

    /// <summary>A <c>$ref</c> to the named schema of <paramref name="type"/>, adding it (and every type it holds) to the components.</summary>
    public JsonNode Reference(Type type) => Export(type);

    /// <summary>Adds a schema written by hand (the problem details body).</summary>
    public JsonNode Add(string name, JsonObject schema)
    {
        components[name] = schema;
        return Ref(name);
    }

    private JsonNode Export(Type type)
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Transform(context, node),
        };
        return Http.Json.Options.GetJsonSchemaAsNode(type, exporter);
    }

    private JsonNode Transform(JsonSchemaExporterContext context, JsonNode node)
    {
        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        if (type == typeof(object) || type == typeof(JsonElement) || type == typeof(JsonNode))
        {
            return FreeForm(context);
        }
        // An optional constructor parameter exports "default": null, which generators read as "always present"
        // (openapi-typescript makes it required); absent already means null here.
        if (node is JsonObject withDefault && withDefault.TryGetPropertyValue("default", out var value) && value is null)
        {
            withDefault.Remove("default");
        }
        if (node is JsonObject schema && IsNamed(context.TypeInfo, type))
        {
            WithoutNull(schema);
            if (type.IsEnum && schema["type"] is null)
            {
                schema.Insert(0, "type", "string");
            }
            OnlyAlwaysWrittenRequired(schema, context.TypeInfo);
            Register(type, schema);
            return Ref(type.Name);
        }
        return node;
    }

    private static bool IsNamed(JsonTypeInfo info, Type type) =>
        type.IsEnum || (info.Kind == JsonTypeInfoKind.Object && info.Properties.Count > 0 && !type.IsGenericType);

    private void Register(Type type, JsonNode schema)
    {
        if (named.TryGetValue(type.Name, out var existing) && existing != type)
        {
            throw new InvalidOperationException($"Two API types are called {type.Name} ({existing.FullName}, {type.FullName}); rename one.");
        }
        named[type.Name] = type;
        components[type.Name] = schema.DeepClone();
    }

    /// <summary>A value of any JSON type: an event's details, a changed field's old and new values, a product's visibility.</summary>
    private static JsonObject FreeForm(JsonSchemaExporterContext context)
    {
        var property = context.PropertyInfo?.Name;
        return property switch
        {
            "visible" => new JsonObject { ["type"] = new JsonArray("boolean", "null"), ["description"] = "true or false sets it; null inherits again; absent keeps it" },
            "details" => new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject(), ["description"] = "The event's own fields (by event type)" },
            _ => new JsonObject { ["description"] = "Any JSON value (a string, number, boolean or null)" },
        };
    }

    private static void OnlyAlwaysWrittenRequired(JsonObject schema, JsonTypeInfo info)
    {
        if (schema["required"] is not JsonArray required)
        {
            return;
        }
        // A free-form body field (JsonElement) tells "absent: keep it" from "null: clear it", so it is optional too.
        var optional = info.Properties.Where(p => p.IsGetNullable || Nullable.GetUnderlyingType(p.PropertyType) is not null || p.PropertyType == typeof(JsonElement))
            .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var kept = required.Select(r => r!.GetValue<string>()).Where(r => !optional.Contains(r)).ToList();
        schema.Remove("required");
        if (kept.Count > 0)
        {
            schema["required"] = new JsonArray([.. kept.Select(k => (JsonNode)JsonValue.Create(k)!)]);
        }
    }

    /// <summary>Drops <c>null</c> from <c>type</c> arrays and <c>enum</c> lists: a generator reads the single type.</summary>
    private static void WithoutNull(JsonObject schema)
    {
        if (schema["type"] is JsonArray types)
        {
            var kept = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
            schema["type"] = kept.Count == 1 ? JsonValue.Create(kept[0]) : new JsonArray([.. kept.Select(k => (JsonNode)JsonValue.Create(k)!)]);
        }
        if (schema["enum"] is JsonArray values && values.Any(v => v is null))
        {
            schema["enum"] = new JsonArray([.. values.Where(v => v is not null).Select(v => v!.DeepClone())]);
        }
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/schemas/" + name };
}
