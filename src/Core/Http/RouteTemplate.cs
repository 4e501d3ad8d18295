namespace CustomerFunctions.Core.Http;

/// <summary>
/// Matches a request path against a route such as <c>customers/{id}/members/{userId}</c>. src/Core reads its own
/// route values so both hosts (Kestrel and the Functions worker) hand it nothing but the raw request.
/// </summary>
public sealed class RouteTemplate
{
    private readonly string[] segments;

    public RouteTemplate(string template)
    {
        Text = template;
        segments = template.Split('/');
        Parameters = segments.Where(IsParameter).Select(s => s[1..^1]).ToArray();
    }

    public string Text { get; }
    public IReadOnlyList<string> Parameters { get; }

    public Dictionary<string, string>? Match(string path)
    {
        var parts = path.Trim('/').Split('/');
        var offset = parts.Length > 0 && parts[0] == "api" ? 1 : 0;
        if (parts.Length - offset != segments.Length)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            var part = Uri.UnescapeDataString(parts[i + offset]);
            if (IsParameter(segments[i]))
            {
                values[segments[i][1..^1]] = part;
            }
            else if (!string.Equals(segments[i], part, StringComparison.Ordinal))
            {
                return null;
            }
        }
        return values;
    }

    private static bool IsParameter(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';
}
