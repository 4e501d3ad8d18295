using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>
/// Row <c>profile</c> of the account partition: the <see cref="Account"/>. The listing rows of the index carry the same
/// properties (<see cref="ListingRow"/>), so the account's columns are named here only.
/// </summary>
public sealed class AccountRow : RowMapper<Account>
{
    public const string Key = Keys.Profile;

    public override TableEntity ToEntity(string partitionKey, Account value) => With(new TableEntity(partitionKey, Key), value);

    public override Account FromEntity(TableEntity entity) => Read(entity, entity.PartitionKey);

    /// <summary>Sets the account's columns on <paramref name="row"/>.</summary>
    public static TableEntity With(TableEntity row, Account a)
    {
        foreach (var (name, value) in Properties(a))
        {
            row[name] = value;
        }
        return row;
    }

    /// <summary>The account's columns, without keys.</summary>
    public static Dictionary<string, object?> Properties(Account a) => new()
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

    /// <summary>The account in a row holding its columns; <paramref name="id"/> says which key names the account.</summary>
    public static Account Read(TableEntity e, string id) => new()
    {
        Id = id,
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
