using System.Globalization;
using System.Text.Json;

namespace CustomerFunctions.Core.Storage;

/// <summary>What Azure Table Storage answers to a request it refuses; <see cref="Operation"/> is the failing index within a batch.</summary>
public sealed record TableRefusal(int Status, string Code, string Message, int? Operation = null);

/// <summary>
/// The limits Azure Table Storage enforces and Azurite does not (or not exactly), checked on the JSON the SDK sends.
/// Sizes are counted as the service counts them: strings in UTF-16, and an entity by Microsoft's published formula
/// (4 bytes, plus 2 per key character, plus per property 8 bytes, 2 per name character and the value's size).
/// </summary>
public static class AzureTableLimits
{
    /// <summary>
    /// The service refuses a string or binary value of 64 KiB and more (the documentation says "up to 64 KiB"; the
    /// service answers PropertyValueTooLarge to exactly 65,536 bytes), so a string holds at most 32,767 characters.
    /// </summary>
    public const int MaxValueBytes = 64 * 1024 - 1;

    public const int MaxStringLength = MaxValueBytes / 2;
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>A key may be 1 KiB, counted in UTF-16: 512 characters.</summary>
    public const int MaxKeyLength = 512;

    public const int MaxCustomProperties = 252;
    public const int MaxBatchOperations = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Azure's codes and messages: "Table Storage error codes" and "Common REST API error codes" (learn.microsoft.com).
    internal static TableRefusal PropertyValueTooLarge(string name) => new(400, "PropertyValueTooLarge",
        $"The property value exceeds the maximum allowed size (64KB). If the property value is a string, it is UTF-16 encoded and the maximum number of characters should be 32K or less. Property: {name}.");

    internal static TableRefusal EntityTooLarge(long bytes) => new(400, "EntityTooLarge", $"The entity is larger than the maximum size permitted ({bytes} bytes).");
    internal static TableRefusal TooManyProperties(int count) => new(400, "TooManyProperties", $"The entity contains more properties than allowed ({count}).");
    internal static TableRefusal OutOfRange(string what) => new(400, "OutOfRangeInput", $"One of the request inputs is out of range: {what}.");
    internal static TableRefusal TooManyOperations(int count) => new(400, "InvalidInput", $"The batch request operation exceeds the maximum 100 changes per change set ({count}).");
    internal static TableRefusal DuplicateRow(string rowKey, int operation) =>
        new(400, "InvalidDuplicateRow", $"A command with RowKey '{rowKey}' is already present in the batch. An entity can appear only once in a batch.", operation);

    internal static TableRefusal DifferentPartitions(int operation) =>
        new(400, "CommandsInBatchActOnDifferentPartitions", "All commands in a batch must operate on same entity group.", operation);

    internal static TableRefusal RequestBodyTooLarge(long bytes) => new(413, "RequestBodyTooLarge", $"The size of the request body exceeds the maximum size permitted ({bytes} bytes).");

    /// <summary>Forbidden in keys: / \ # ? and the control characters U+0000-U+001F and U+007F-U+009F.</summary>
    public static bool IsForbiddenKeyChar(char c) => c is '/' or '\\' or '#' or '?' or <= '\u001F' or (>= '\u007F' and <= '\u009F');

    public static TableRefusal? CheckKey(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Length > MaxKeyLength)
        {
            return OutOfRange($"{name} is {value.Length} characters long, more than {MaxKeyLength} (1 KiB)");
        }
        return value.Any(IsForbiddenKeyChar) ? OutOfRange($"{name} contains a character not allowed in keys") : null;
    }

    /// <summary>Checks one entity as sent (an insert, replace or merge body); null when Azure would take it.</summary>
    public static TableRefusal? CheckEntity(JsonElement entity)
    {
        if (entity.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        long size = 4;
        var properties = 0;
        foreach (var property in entity.EnumerateObject())
        {
            var name = property.Name;
            if (name.Contains('@', StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal) || name == "Timestamp")
            {
                continue;
            }
            if (name is "PartitionKey" or "RowKey")
            {
                var key = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                if (CheckKey(name, key) is { } badKey)
                {
                    return badKey;
                }
                size += 2L * (key?.Length ?? 0);
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            properties++;
            var type = entity.TryGetProperty(name + "@odata.type", out var annotation) ? Text(annotation) : null;
            var (valueSize, refusal) = Measure(name, type, property.Value);
            if (refusal is not null)
            {
                return refusal;
            }
            size += 8 + 2L * name.Length + valueSize;
        }
        if (properties > MaxCustomProperties)
        {
            return TooManyProperties(properties);
        }
        return size > MaxEntityBytes ? EntityTooLarge(size) : null;
    }

    private static (long Size, TableRefusal? Refusal) Measure(string name, string? type, JsonElement value)
    {
        switch (type)
        {
            case "Edm.Binary":
                var bytes = Base64Length(Text(value) ?? "");
                return bytes > MaxValueBytes ? (0, PropertyValueTooLarge(name)) : (bytes + 4, null);
            case "Edm.DateTime":
                var parsed = DateTimeOffset.TryParse(Text(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at);
                return parsed && at < MinDateTime ? (0, OutOfRange($"{name} is before 1601-01-01")) : (8, null);
            case "Edm.Guid":
                return (16, null);
            case "Edm.Int64" or "Edm.Double":
                return (8, null);
            case "Edm.Int32":
                return (4, null);
            case "Edm.String":
                break;
            case null:
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    return (1, null);
                }
                if (value.ValueKind == JsonValueKind.Number)
                {
                    return (value.TryGetInt32(out _) ? 4 : 8, null);
                }
                break;
            default:
                return (8, null);
        }
        var text = Text(value) ?? value.GetRawText();
        return text.Length > MaxStringLength ? (0, PropertyValueTooLarge(name)) : (2L * text.Length + 4, null);
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Base64Length(string base64)
    {
        var padding = base64.EndsWith("==", StringComparison.Ordinal) ? 2 : base64.EndsWith('=') ? 1 : 0;
        return base64.Length / 4 * 3 - padding;
    }
}
