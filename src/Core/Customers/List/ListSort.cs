using System.Globalization;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>An order of the customer list: a column, ascending or (with a leading <c>-</c>) descending; ties by id.</summary>
public sealed record ListSort(string Column, bool Descending)
{
    public static readonly IReadOnlyList<string> Columns = ["name", "id", "createdAt", "seller", "stage", "status"];

    /// <summary>Every accepted value of <c>sort</c>: each column and its reverse.</summary>
    public static readonly IReadOnlyList<ListSort> All = [.. Columns.SelectMany(c => new[] { new ListSort(c, false), new ListSort(c, true) })];

    public static readonly ListSort Default = new("name", false);

    /// <summary>
    /// The orders kept as rows. Ascending id is the record row itself; stage and status (five values each) are read
    /// backwards value by value from their ascending rows, so they need no reversed rows.
    /// </summary>
    public static readonly IReadOnlyList<ListSort> Stored = [.. All.Where(s => s is not { Column: "id", Descending: false } && !(s.Descending && s.IsLifecycle))];

    /// <summary>The query value, also the sort's part of the row key: <c>name</c>, <c>-name</c>, ...</summary>
    public string Token => (Descending ? "-" : "") + Column;

    /// <summary>Stage and status sort by lifecycle (the enums' declaration order), not by the alphabet.</summary>
    public bool IsLifecycle => Column is "stage" or "status";

    public static ListSort? Parse(string? text) => text is null ? Default : All.FirstOrDefault(s => s.Token == text);

    /// <summary>
    /// Where the entry stands in this order, as an ordinal string: the column's key form, then the id (ascending in
    /// both directions). Stored orders use it in their row keys; a search orders its matches by it in memory.
    /// </summary>
    public string Position(ListEntry entry) => Column switch
    {
        "id" when !Descending => entry.Id,
        "stage" => Group((int)entry.Stage) + entry.Id,
        "status" => Group((int)entry.Status) + entry.Id,
        _ => ListText.Key(Value(entry), Descending) + entry.Id,
    };

    /// <summary>The key prefix of one stage or status value in the ascending lifecycle rows (descending for a search's in-memory order).</summary>
    public string Group(int value) => (Descending ? 99 - value : value).ToString("D2", CultureInfo.InvariantCulture) + "|";

    private string Value(ListEntry entry) => Column switch
    {
        "name" => entry.Name,
        "id" => entry.Id,
        "createdAt" => entry.CreatedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture),
        _ => entry.SellerKey,
    };
}
