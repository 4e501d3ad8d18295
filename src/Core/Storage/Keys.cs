using System.Text.RegularExpressions;
using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>Key rules, checked before any value reaches storage.</summary>
public static partial class Keys
{
    public const string Profile = "profile";

    /// <summary>Account identifiers: lowercase letters, digits and dashes, 3 to 63 characters, no leading or trailing dash.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    public static partial Regex Identifier();

    public static bool IsIdentifier(string? value) => value is not null && Identifier().IsMatch(value);

    /// <summary>Other key parts (user ids from tokens, generated ids): no characters Table Storage forbids in keys.</summary>
    public static bool IsSafeKeyPart(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 256 && !value.Any(c => c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c));

    /// <summary>The exclusive upper bound for a RowKey prefix query: "member|" .. "member}".</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>The storage filter for the rows of <paramref name="partitionKey"/> whose RowKey runs from <paramref name="start"/> through the last one under <paramref name="last"/>.</summary>
    public static string PrefixRange(string partitionKey, string start, string? last = null) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {start} and RowKey lt {PrefixEnd(last ?? start)}");
}
