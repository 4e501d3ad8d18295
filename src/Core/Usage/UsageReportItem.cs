namespace CustomerFunctions.Core.Usage;

/// <summary>One line of a report: a project's or a product's total in one unit (quantities of different units never mix).</summary>
public sealed record UsageReportItem(string? ProjectId, string? Product, string Unit, decimal Quantity, int Records);
