using System.Text.Json;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>The customer list's query values, as the API spells them (camelCase enums, comma-separated lists).</summary>
public static class ListFilters
{
    /// <summary>The testAccounts modes: which accounts count (null: test accounts and others alike).</summary>
    public static readonly Dictionary<string, bool?> TestAccountModes = new(StringComparer.Ordinal) { ["exclude"] = false, ["include"] = null, ["only"] = true };

    public static readonly Dictionary<string, AccountStatus> StatusNames = Names<AccountStatus>();
    public static readonly Dictionary<string, AccountStage> StageNames = Names<AccountStage>();

    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>A comma-separated list of enum names; each unknown one is reported on <paramref name="field"/>.</summary>
    public static List<T> Several<T>(Validator check, string field, string? text, Dictionary<string, T> names)
    {
        var values = new List<T>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (text is null)
            {
                break;
            }
            if (names.TryGetValue(part, out var value))
            {
                values.Add(value);
            }
            else
            {
                check.Error(field, $"Unknown value '{part}'; use one or several (comma-separated) of: {string.Join(", ", names.Keys)}.");
                break;
            }
        }
        return [.. values.Distinct()];
    }

    public static ListSort? Sort(Validator check, string? text)
    {
        var sort = ListSort.Parse(text);
        if (sort is null)
        {
            check.Error("sort", $"Must be one of: {string.Join(", ", ListSort.All.Select(s => s.Token))}.");
        }
        return sort;
    }

    private static Dictionary<string, T> Names<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(Name, StringComparer.Ordinal);
}
