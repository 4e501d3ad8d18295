using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// What counts as personal data inside free-form JSON (history event details and changes), and how it is erased.
/// The rule works on the JSON alone, so erasing is idempotent and needs no list of the people involved (their member
/// rows may already be gone when a resumed erasure reaches the history): a value is erased when its property names a
/// person's email or name or free text someone wrote (a reason, a note, a message), or when the value itself looks like
/// an email address. A plain <c>name</c> in a nested object with a <c>userId</c> names that user. Ids (user ids, account ids), roles,
/// states and company and project names stay: they identify nobody outside the identity provider and keep the history readable.
/// </summary>
public static partial class PersonalData
{
    public const string Erased = "erased";

    private static readonly HashSet<string> PersonNameKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "fullName", "firstName", "lastName", "userName", "displayName", "memberName", "inviterName", "invitedByName", "recipientName", "sentByName",
    };

    /// <summary>Addresses that do not end in "email" (a partner's extra address for deletion notices).</summary>
    private static readonly HashSet<string> AddressKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "noticeAddress",
    };

    /// <summary>Free text people write into an account: what they say there may name or describe anyone.</summary>
    private static readonly HashSet<string> FreeTextKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "reason", "note", "subject", "body", "rejectionReason",
    };

    /// <summary>Whether a property with this name holds a person's email or name, or free text someone wrote.</summary>
    public static bool IsPersonalKey(string key) =>
        key.EndsWith("email", StringComparison.OrdinalIgnoreCase) || PersonNameKeys.Contains(key) || FreeTextKeys.Contains(key) || AddressKeys.Contains(key);

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
        return Scrub(root, eventIsAboutAUser, nested: false) ? root!.ToJsonString() : json;
    }

    private static bool Scrub(JsonNode? node, bool eventIsAboutAUser, bool nested)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                // A change entry { field, from, to } about a personal field: erase both values.
                var changeOfPersonalField = obj["field"] is JsonValue field && field.TryGetValue<string>(out var name) && IsPersonal(name, eventIsAboutAUser);
                // A nested { userId, name, ... } is a person and what they are called (the impersonator); the details
                // themselves may pair a user id with a company's name.
                var namesAUser = eventIsAboutAUser || (nested && obj.ContainsKey("userId"));
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue leaf && leaf.TryGetValue<string>(out var text) && text != Erased &&
                        (IsPersonal(key, namesAUser) || (changeOfPersonalField && key is "from" or "to") || LooksLikeEmail(text)))
                    {
                        obj[key] = Erased;
                        changed = true;
                    }
                    else
                    {
                        changed |= Scrub(value, eventIsAboutAUser, nested: true);
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
                        changed |= Scrub(array[i], eventIsAboutAUser, nested: true);
                    }
                }
                break;
        }
        return changed;
    }

    // In events about a user (USER_INVITED, USER_REMOVED, ...) and in a nested person object, a plain "name" is that user's name.
    private static bool IsPersonal(string key, bool namesAUser) =>
        IsPersonalKey(key) || (namesAUser && key.Equals("name", StringComparison.OrdinalIgnoreCase));

    private static bool LooksLikeEmail(string text) => EmailShape().IsMatch(text);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
