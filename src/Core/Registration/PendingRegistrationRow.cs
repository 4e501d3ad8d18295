using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Registration;

/// <summary>The one row (RowKey empty) of partition <c>pending|{token hash}</c> in the Registrations table.</summary>
public sealed class PendingRegistrationRow : RowMapper<PendingRegistration>
{
    public const string PartitionPrefix = "pending|";
    public const string RowKey = "";

    public static string Partition(string tokenHash) => PartitionPrefix + tokenHash;

    public override TableEntity ToEntity(string partitionKey, PendingRegistration value) => new(partitionKey, RowKey)
    {
        ["CompanyName"] = value.CompanyName,
        ["AccountId"] = value.AccountId,
        ["Email"] = value.Email,
        ["FullName"] = value.FullName,
        ["Language"] = value.Language,
        ["PartnerId"] = value.PartnerId,
        ["LinkId"] = value.LinkId,
        ["CreatedAt"] = value.CreatedAt,
        ["ExpiresAt"] = value.ExpiresAt,
    };

    public override PendingRegistration FromEntity(TableEntity entity) => new(
        entity.PartitionKey[PartitionPrefix.Length..], entity.GetString("CompanyName") ?? "", entity.GetString("AccountId") ?? "",
        entity.GetString("Email") ?? "", entity.GetString("FullName") ?? "", entity.GetString("Language") ?? "en",
        entity.GetString("PartnerId"), entity.GetString("LinkId"),
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue);
}
