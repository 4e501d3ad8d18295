using System.Text.RegularExpressions;

namespace CustomerFunctions.Core.Email;

/// <summary>Email texts per template and language (English and German); placeholders are <c>{name}</c>.</summary>
public static partial class EmailTemplates
{
    public const string Invitation = "invitation";

    private static readonly Dictionary<(string Template, string Language), (string Subject, string Body)> Texts = new()
    {
        [(Invitation, "en")] = (
            "You are invited to {accountName}",
            "Hello {fullName},\n\n{inviterName} invited you to join {accountName} as {role}.\n\nAccept the invitation here (the link works once and expires on {expiresAt}):\n{link}\n"),
        [(Invitation, "de")] = (
            "Einladung zu {accountName}",
            "Hallo {fullName},\n\n{inviterName} hat Sie eingeladen, {accountName} als {role} beizutreten.\n\nHier nehmen Sie die Einladung an (der Link gilt einmal und bis {expiresAt}):\n{link}\n"),
    };

    public static IReadOnlyCollection<string> Languages { get; } = ["en", "de"];

    public static void Add(string template, string language, string subject, string body) => Texts[(template, language)] = (subject, body);

    public static bool Has(string template) => Texts.ContainsKey((template, "en"));

    public static (string Subject, string Body) Render(string template, string language, IReadOnlyDictionary<string, string> values)
    {
        if (!Texts.TryGetValue((template, language), out var text) && !Texts.TryGetValue((template, "en"), out text))
        {
            throw new InvalidOperationException($"No email template '{template}'.");
        }
        return (Fill(text.Subject, values), Fill(text.Body, values));
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
