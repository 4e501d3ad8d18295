using CustomerFunctions.Core.Accounts;

namespace CustomerFunctions.Core.Projects;

/// <summary>Row keys of projects and project access in the account partition (shared with member removal and erasure).</summary>
public static class ProjectKeys
{
    public const string ProjectPrefix = "project|";
    public const string AccessPrefix = "access|";

    public static string Project(string projectId) => ProjectPrefix + projectId;

    /// <summary>Access rows sort by user first, so removing a member finds all their access with one prefix query.</summary>
    public static string Access(string userId, string projectId) => AccessPrefixFor(userId) + projectId;

    public static string AccessPrefixFor(string userId) => AccessPrefix + AccountPartition.AccessOfUser(userId);
}
