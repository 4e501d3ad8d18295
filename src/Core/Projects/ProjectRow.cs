using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Projects;

/// <summary>Row <c>project|{project id}</c> of the account partition.</summary>
public sealed class ProjectRow : RowMapper<Project>
{
    public const string Prefix = "project|";

    public override TableEntity ToEntity(string partitionKey, Project value) => new(partitionKey, Prefix + value.Id)
    {
        ["ProjectId"] = value.Id,
        ["Name"] = value.Name,
        ["CreatedAt"] = value.CreatedAt,
        ["CreatedBy"] = value.CreatedBy,
    };

    public override Project FromEntity(TableEntity entity) => new(
        entity.GetString("ProjectId") ?? entity.RowKey[Prefix.Length..],
        entity.GetString("Name") ?? "",
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("CreatedBy") ?? "");
}
