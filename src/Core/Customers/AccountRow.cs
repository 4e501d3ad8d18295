using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>Maps an <see cref="Account"/> to its profile row (and to the listing rows copied into the index).</summary>
public static class AccountRow
{
    public static TableEntity ToEntity(Account a) => new(a.Id, Keys.Profile)
    {
        ["Name"] = a.Name,
        ["NameLower"] = a.Name.ToLowerInvariant(),
        ["Kind"] = a.Kind.ToString(),
        ["PartnerId"] = a.PartnerId,
        ["CompanyEmail"] = a.CompanyEmail,
        ["FirstName"] = a.FirstName,
        ["LastName"] = a.LastName,
        ["CustomId"] = a.CustomId,
        ["Seller"] = a.Seller,
        ["Language"] = a.Language,
        ["IsTestAccount"] = a.IsTestAccount,
        ["Status"] = a.Status.ToString(),
        ["Stage"] = a.Stage.ToString(),
        ["ProjectQuota"] = a.ProjectQuota,
        ["ProjectCount"] = a.ProjectCount,
        ["DeletionDueAt"] = a.DeletionDueAt,
        ["LastDisabledAt"] = a.LastDisabledAt,
        ["CreatedAt"] = a.CreatedAt,
        ["UpdatedAt"] = a.UpdatedAt,
        ["Version"] = a.Version,
    };

    public static Account FromEntity(TableEntity e, string? id = null) => new()
    {
        Id = id ?? e.PartitionKey,
        Name = e.GetString("Name") ?? "",
        Kind = Enum.Parse<AccountKind>(e.GetString("Kind") ?? nameof(AccountKind.Customer)),
        PartnerId = e.GetString("PartnerId"),
        CompanyEmail = e.GetString("CompanyEmail"),
        FirstName = e.GetString("FirstName"),
        LastName = e.GetString("LastName"),
        CustomId = e.GetString("CustomId"),
        Seller = e.GetString("Seller"),
        Language = e.GetString("Language") ?? "en",
        IsTestAccount = e.GetBoolean("IsTestAccount") ?? false,
        Status = Enum.Parse<AccountStatus>(e.GetString("Status") ?? nameof(AccountStatus.Active)),
        Stage = Enum.Parse<AccountStage>(e.GetString("Stage") ?? nameof(AccountStage.Preparation)),
        ProjectQuota = e.GetInt32("ProjectQuota") ?? Account.DefaultProjectQuota,
        ProjectCount = e.GetInt32("ProjectCount") ?? 0,
        DeletionDueAt = e.GetDateTimeOffset("DeletionDueAt"),
        LastDisabledAt = e.GetDateTimeOffset("LastDisabledAt"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        Version = e.GetInt64("Version") ?? 0,
    };
}
