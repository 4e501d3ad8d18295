using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Projects;

/// <summary>
/// formerproject|{id}: the name a deleted project had, written in its deletion's transaction, so usage recorded for it
/// still shows its name from one bounded query instead of a scan of the account's whole history.
/// </summary>
public sealed class FormerProjectRow : RowMapper<Project>
{
    public const string Prefix = "formerproject|";

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
