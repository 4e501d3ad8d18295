using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// What counts as personal data inside free-form JSON (history event details and changes), and how it is erased.
/// The rule works on the JSON alone, so erasing is idempotent and needs no list of the people involved (their member
/// rows may already be gone when a resumed erasure reaches the history): a value is erased when its property names a
/// person's email or name, or when the value itself looks like an email address. Ids (user ids, account ids) stay:
/// they identify nobody outside the identity provider and keep the history readable.
/// </summary>
public static partial class PersonalData
{
    public const string Erased = "erased";

    private static readonly HashSet<string> PersonNameKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "fullName", "firstName", "lastName", "userName", "displayName", "memberName", "inviterName", "invitedByName", "recipientName",
    };

    /// <summary>Whether a property with this name holds a person's email or name.</summary>
    public static bool IsPersonalKey(string key) =>
        key.EndsWith("email", StringComparison.OrdinalIgnoreCase) || PersonNameKeys.Contains(key);

    /// <summary>Erases personal values in a JSON text; returns the text unchanged when it holds none.</summary>
    public static string? Scrub(string? json, bool eventIsAboutAUser)
    {
        if (string.IsNullOrEmpty(json))
        {
            return json;
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }
        return Scrub(root, eventIsAboutAUser) ? root!.ToJsonString() : json;
    }

    private static bool Scrub(JsonNode? node, bool eventIsAboutAUser)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                // A change entry { field, from, to } about a personal field: erase both values.
                var changeOfPersonalField = obj["field"] is JsonValue field && field.TryGetValue<string>(out var name) && IsPersonal(name, eventIsAboutAUser);
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue leaf && leaf.TryGetValue<string>(out var text) && text != Erased &&
                        (IsPersonal(key, eventIsAboutAUser) || (changeOfPersonalField && key is "from" or "to") || LooksLikeEmail(text)))
                    {
                        obj[key] = Erased;
                        changed = true;
                    }
                    else
                    {
                        changed |= Scrub(value, eventIsAboutAUser);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue leaf && leaf.TryGetValue<string>(out var text) && text != Erased && LooksLikeEmail(text))
                    {
                        array[i] = Erased;
                        changed = true;
                    }
                    else
                    {
                        changed |= Scrub(array[i], eventIsAboutAUser);
                    }
                }
                break;
        }
        return changed;
    }

    // In events about a user (USER_INVITED, USER_REMOVED, ...) a plain "name" is that user's name.
    private static bool IsPersonal(string key, bool eventIsAboutAUser) =>
        IsPersonalKey(key) || (eventIsAboutAUser && key.Equals("name", StringComparison.OrdinalIgnoreCase));

    private static bool LooksLikeEmail(string text) => EmailShape().IsMatch(text);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
