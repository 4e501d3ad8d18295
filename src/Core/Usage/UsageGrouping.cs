namespace CustomerFunctions.Core.Usage;

/// <summary>What a report totals by: projects or products.</summary>
public static class UsageGrouping
{
    public const string Project = "project";
    public const string Product = "product";
    public static readonly IReadOnlyList<string> All = [Project, Product];
}
