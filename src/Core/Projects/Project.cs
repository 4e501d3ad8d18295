using Azure.Data.Tables;

namespace CustomerFunctions.Core.Projects;

/// <summary>A project of a customer account: the unit its quota counts and its employees are given access to.</summary>
public sealed record Project(string Id, string Name, DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>
    /// Deleting a project removes its access rows in the same transaction as the project row, so a project may have
    /// at most this many grants (the rest of the 100-row transaction holds the profile, the event and the outbox row).
    /// </summary>
    public const int MaxMembers = 90;

    public TableEntity ToEntity(string accountId) => new(accountId, ProjectKeys.Project(Id))
    {
        ["ProjectId"] = Id,
        ["Name"] = Name,
        ["CreatedAt"] = CreatedAt,
        ["CreatedBy"] = CreatedBy,
    };

    public static Project FromEntity(TableEntity e) => new(
        e.GetString("ProjectId") ?? e.RowKey[ProjectKeys.ProjectPrefix.Length..],
        e.GetString("Name") ?? "",
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        e.GetString("CreatedBy") ?? "");
}

/// <summary>One user's access to one project. Rows are keyed user first (see <see cref="ProjectKeys.Access"/>).</summary>
public sealed record ProjectAccess(string UserId, string ProjectId, DateTimeOffset GrantedAt, string GrantedBy)
{
    public TableEntity ToEntity(string accountId) => new(accountId, ProjectKeys.Access(UserId, ProjectId))
    {
        ["UserId"] = UserId,
        ["ProjectId"] = ProjectId,
        ["GrantedAt"] = GrantedAt,
        ["GrantedBy"] = GrantedBy,
    };

    public static ProjectAccess FromEntity(TableEntity e) => new(
        e.GetString("UserId") ?? "",
        e.GetString("ProjectId") ?? "",
        e.GetDateTimeOffset("GrantedAt") ?? DateTimeOffset.MinValue,
        e.GetString("GrantedBy") ?? "");
}
