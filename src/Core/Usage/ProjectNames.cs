using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;

namespace CustomerFunctions.Core.Usage;

/// <summary>The names of the projects a usage report names: one query of the live projects, and only when some are gone, one of their deletion events.</summary>
public static class ProjectNames
{
    public static async Task<Dictionary<string, string>> ForAsync(AccountSession session, IReadOnlyCollection<string> projectIds)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (projectIds.Count == 0)
        {
            return names;
        }
        await foreach (var project in session.QueryAsync(AccountPartition.Projects, select: ["ProjectId", "Name"]))
        {
            names[project.Value.Id] = project.Value.Name;
        }
        if (projectIds.All(names.ContainsKey))
        {
            return names;
        }
        // Deleted projects: the deletion event keeps the name. Events read newest first, so a reused id keeps its latest name.
        await foreach (var deleted in session.QueryAsync(AccountPartition.Events, where: $"Type eq {EventTypes.ProjectDeleted}"))
        {
            if (deleted.Value.Details is { } details &&
                details.TryGetProperty("projectId", out var id) && id.GetString() is { } projectId &&
                details.TryGetProperty("name", out var name) && name.GetString() is { } projectName)
            {
                names.TryAdd(projectId, projectName);
            }
        }
        return names;
    }
}
