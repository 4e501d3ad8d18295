using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Registration;

/// <summary>Row <c>registration</c> of a self-registered account's partition (one per account, so its key part is empty).</summary>
public sealed class RegistrationRecordRow : RowMapper<RegistrationRecord>
{
    /// <summary>The whole key: the account has one such row.</summary>
    public const string Prefix = "registration";

    /// <summary>The key part of the account's one record.</summary>
    public const string Id = "";

    public override TableEntity ToEntity(string partitionKey, RegistrationRecord value) => new(partitionKey, Prefix + Id)
    {
        ["UserId"] = value.UserId,
        ["Email"] = value.Email,
        ["FullName"] = value.FullName,
        ["Language"] = value.Language,
        ["PartnerId"] = value.PartnerId,
        ["LinkId"] = value.LinkId,
        ["RegisteredAt"] = value.RegisteredAt,
        ["RejectionReason"] = value.RejectionReason,
        ["DecidedAt"] = value.DecidedAt,
        ["DecidedBy"] = value.DecidedBy,
    };

    public override RegistrationRecord FromEntity(TableEntity entity) => new(
        entity.GetString("UserId") ?? "", entity.GetString("Email"), entity.GetString("FullName"), entity.GetString("Language") ?? "en",
        entity.GetString("PartnerId"), entity.GetString("LinkId"), entity.GetDateTimeOffset("RegisteredAt") ?? DateTimeOffset.MinValue)
    {
        RejectionReason = entity.GetString("RejectionReason"),
        DecidedAt = entity.GetDateTimeOffset("DecidedAt"),
        DecidedBy = entity.GetString("DecidedBy"),
    };
}
