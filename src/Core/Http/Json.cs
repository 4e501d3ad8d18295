using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerFunctions.Core.Http;

public static class Json
{
    /// <summary>API JSON: camelCase, unknown fields rejected, enums as camelCase strings, nulls omitted in responses.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>Outbox rows: side effects as polymorphic JSON, each subclass known by the discriminator <see cref="Storage.SideEffect"/> lists.</summary>
    public static readonly JsonSerializerOptions Effects = CreateEffects();

    private static JsonSerializerOptions CreateEffects()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Stored, never put in a page: keeping non-ASCII text as it is (not \uXXXX, six characters each) keeps outbox rows
            // and their transaction within Azure's size limits.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 32,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
