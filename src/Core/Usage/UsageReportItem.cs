namespace CustomerFunctions.Core.Usage;

/// <summary>
/// One line of a report: a project's or a product's total in one unit (quantities of different units never mix). A
/// project line carries the project's name: the live project's, else the one its PROJECT_DELETED event kept, else none.
/// </summary>
public sealed record UsageReportItem(string? ProjectId, string? Product, string Unit, decimal Quantity, int Records)
{
    public string? ProjectName { get; init; }
}
