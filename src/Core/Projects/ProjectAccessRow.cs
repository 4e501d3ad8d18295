using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Projects;

/// <summary>Row <c>access|{encoded user id}|{project id}</c> of the account partition.</summary>
public sealed class ProjectAccessRow : RowMapper<ProjectAccess>
{
    public const string Prefix = "access|";

    /// <summary>The key part of a grant: user first, so removing a member finds all their access with one prefix query.</summary>
    public static string Id(string userId, string projectId) => AccountPartition.AccessOfUser(userId) + projectId;

    public override TableEntity ToEntity(string partitionKey, ProjectAccess value) => new(partitionKey, Prefix + Id(value.UserId, value.ProjectId))
    {
        ["UserId"] = value.UserId,
        ["ProjectId"] = value.ProjectId,
        ["GrantedAt"] = value.GrantedAt,
        ["GrantedBy"] = value.GrantedBy,
    };

    public override ProjectAccess FromEntity(TableEntity entity) => new(
        entity.GetString("UserId") ?? "",
        entity.GetString("ProjectId") ?? "",
        entity.GetDateTimeOffset("GrantedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("GrantedBy") ?? "");
}
