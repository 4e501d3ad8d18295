using System.Text.RegularExpressions;

namespace CustomerFunctions.Core.Email;

/// <summary>One email text in one language; placeholders are <c>{name}</c>.</summary>
public sealed record EmailTemplate(string Name, string Language, string Subject, string Body);

/// <summary>A feature's email texts. Every implementation in src/Core is found and loaded at start.</summary>
public interface IEmailTemplateSet
{
    IEnumerable<EmailTemplate> Templates { get; }
}

/// <summary>All email texts, per template and language (at least English and German), collected from the features.</summary>
public static partial class EmailTemplates
{
    private static readonly Dictionary<(string Template, string Language), EmailTemplate> Texts = typeof(EmailTemplates).Assembly.GetTypes()
        .Where(t => typeof(IEmailTemplateSet).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
        .SelectMany(t => ((IEmailTemplateSet)Activator.CreateInstance(t)!).Templates)
        .ToDictionary(t => (t.Name, t.Language));

    public static IReadOnlyCollection<string> Languages { get; } = ["en", "de"];

    public static IEnumerable<EmailTemplate> All => Texts.Values;

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
