using System.Text.Json;

namespace CustomerFunctions.Core.Http;

/// <summary>JSON merge patch bodies: absent fields stay, an explicit null clears; typed bodies cannot tell the two apart.</summary>
public static class MergePatch
{
    /// <summary>The top-level field names the body really carries.</summary>
    public static HashSet<string> PresentFields(byte[] body)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    names.Add(property.Name);
                }
            }
        }
        catch (JsonException)
        {
            // Malformed: ReadBody answers it with the proper 400.
        }
        return names;
    }
}
