using System.Text.RegularExpressions;

namespace CustomerFunctions.Core.Email;

/// <summary>All email texts, per template and language (at least English and German), from the template sets the features register.</summary>
public sealed partial class EmailTemplates(IEnumerable<IEmailTemplateSet> sets)
{
    private readonly Dictionary<(string Template, string Language), EmailTemplate> texts = sets
        .SelectMany(set => set.Templates)
        .ToDictionary(t => (t.Name, t.Language));

    public static IReadOnlyCollection<string> Languages { get; } = ["en", "de"];

    public IEnumerable<EmailTemplate> All => texts.Values;

    /// <summary>The class of a template (every language of it has the same); an unknown one fails when rendered anyway.</summary>
    public EmailClass ClassOf(string template) =>
        texts.TryGetValue((template, "en"), out var text) ? text.Class : EmailClass.Transactional;

    public (string Subject, string Body) Render(string template, string language, IReadOnlyDictionary<string, string> values)
    {
        if (!texts.TryGetValue((template, language), out var text) && !texts.TryGetValue((template, "en"), out text))
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
