using CustomerFunctions.Core.Accounts;

namespace CustomerFunctions.Core.Usage;

/// <summary>
/// The names of the projects a usage report names: one query of the live projects and, only when some are not live,
/// one of the deleted projects' names. Usage of a project that never existed here has no name.
/// </summary>
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
        // Deleted projects keep their name on a row of their own (one bounded query; a live project of the same id wins).
        await foreach (var former in session.QueryAsync(AccountPartition.FormerProjects, select: ["ProjectId", "Name"]))
        {
            names.TryAdd(former.Value.Id, former.Value.Name);
        }
        return names;
    }
}
