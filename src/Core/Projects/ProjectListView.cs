namespace CustomerFunctions.Core.Projects;

/// <summary>One page of an account's projects.</summary>
public sealed record ProjectListView(IReadOnlyList<ProjectView> Items, string? ContinuationToken);
