using System.Globalization;
using System.Text;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// How the customer list compares text: folded (lowercase, accents removed, punctuation as one space), and encoded
/// into row keys as hexadecimal UTF-16 code units, so any text sorts ordinally in a key Table Storage accepts, and a
/// descending order is the same digits complemented.
/// </summary>
public static class ListText
{
    /// <summary>Keys stay under Table Storage's 1 KiB (512 characters): sort values beyond this many characters tie (then by id).</summary>
    public const int MaxKeyCharacters = 60;

    /// <param name="keepSymbols">Keep the characters of ids and addresses (<c>@ . - _ +</c>) inside a word; names split on them.</param>
    public static string Fold(string? text, bool keepSymbols = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var folded = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c) || (keepSymbols && c is '@' or '.' or '-' or '_' or '+'))
            {
                if (space && folded.Length > 0)
                {
                    folded.Append(' ');
                }
                folded.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The key form of a (folded) value: ascending, hex digits then '!' (below every digit, so "ab" sorts before
    /// "abc"); descending, complemented digits then '~' (above every digit, so "ab" sorts after "abc").
    /// </summary>
    public static string Key(string value, bool descending)
    {
        var text = value.Length > MaxKeyCharacters ? value[..MaxKeyCharacters] : value;
        var key = new StringBuilder(text.Length * 4 + 1);
        foreach (var c in text)
        {
            var hex = ((int)c).ToString("x4", CultureInfo.InvariantCulture);
            key.Append(descending ? Complement(hex) : hex);
        }
        return key.Append(descending ? '~' : '!').ToString();
    }

    /// <summary>The key prefix every value starting with <paramref name="prefix"/> has (ascending form, no terminator).</summary>
    public static string PrefixKey(string prefix) => Key(prefix, descending: false)[..^1];

    private static string Complement(string hex) =>
        string.Concat(hex.Select(d => "fedcba9876543210"[Convert.ToInt32(d.ToString(), 16)]));
}
