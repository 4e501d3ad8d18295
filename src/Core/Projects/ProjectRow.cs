using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Projects;

/// <summary>
/// Row <c>project|{project id}</c> of the account partition; with <see cref="FormerPrefix"/>, the same columns keep a
/// deleted project's name, so usage recorded while it lived still shows it from one bounded query instead of a scan of
/// the account's whole history.
/// </summary>
public sealed class ProjectRow(string prefix) : RowMapper<Project>
{
    public const string Prefix = "project|";
    public const string FormerPrefix = "formerproject|";

    public ProjectRow()
        : this(Prefix)
    {
    }

    public override TableEntity ToEntity(string partitionKey, Project value) => new(partitionKey, prefix + value.Id)
    {
        ["ProjectId"] = value.Id,
        ["Name"] = value.Name,
        ["CreatedAt"] = value.CreatedAt,
        ["CreatedBy"] = value.CreatedBy,
    };

    public override Project FromEntity(TableEntity entity) => new(
        entity.GetString("ProjectId") ?? entity.RowKey[prefix.Length..],
        entity.GetString("Name") ?? "",
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("CreatedBy") ?? "");
}
