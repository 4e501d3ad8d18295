using System.Globalization;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>An order of the customer list: a column, ascending or (with a leading <c>-</c>) descending; ties by id.</summary>
public sealed record ListSort(string Column, bool Descending)
{
    public static readonly IReadOnlyList<string> Columns = ["name", "id", "createdAt", "seller", "stage", "status"];

    /// <summary>Every accepted value of <c>sort</c>: each column and its reverse.</summary>
    public static readonly IReadOnlyList<ListSort> All = [.. Columns.SelectMany(c => new[] { new ListSort(c, false), new ListSort(c, true) })];

    public static readonly ListSort Default = new("name", false);

    /// <summary>The query value, also the sort's part of the row key: <c>name</c>, <c>-name</c>, ...</summary>
    public string Token => (Descending ? "-" : "") + Column;

    public static ListSort? Parse(string? text) => text is null ? Default : All.FirstOrDefault(s => s.Token == text);

    /// <summary>Where the entry stands in this order: the column's key form, then the id (ascending in both directions).</summary>
    public string Position(ListEntry entry) => ListText.Key(Value(entry), Descending) + entry.Id;

    private string Value(ListEntry entry) => Column switch
    {
        "name" => entry.Name,
        "id" => entry.Id,
        "createdAt" => entry.CreatedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture),
        "seller" => entry.SellerKey,
        // Lifecycle order (the enums' declaration order), not the alphabet.
        "stage" => ((int)entry.Stage).ToString("D2", CultureInfo.InvariantCulture),
        _ => ((int)entry.Status).ToString("D2", CultureInfo.InvariantCulture),
    };
}
