using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Settings;

/// <summary>Row <c>settings</c> of partition <c>operator</c> in the Settings table (absent until an operator saves).</summary>
public sealed class SavedSettingsRow : RowMapper<SavedSettings>
{
    public const string PartitionKey = "operator";
    public const string RowKey = "settings";

    public override TableEntity ToEntity(string partitionKey, SavedSettings value) => new(partitionKey, RowKey)
    {
        ["SelfRegistration"] = value.Settings.SelfRegistration.ToString(),
        ["InvitationLinks"] = value.Settings.InvitationLinks,
        ["DeletionGraceDays"] = value.Settings.DeletionGraceDays,
        ["UpdatedAt"] = value.UpdatedAt,
        ["UpdatedBy"] = value.UpdatedBy,
        ["Revision"] = value.Revision,
    };

    /// <summary>Fields a row lacks keep their defaults.</summary>
    public override SavedSettings FromEntity(TableEntity entity) => new(
        new OperatorSettings(
            Enum.TryParse<SelfRegistration>(entity.GetString("SelfRegistration"), out var mode) ? mode : OperatorSettings.Defaults.SelfRegistration,
            entity.GetBoolean("InvitationLinks") ?? OperatorSettings.Defaults.InvitationLinks,
            entity.GetInt32("DeletionGraceDays") ?? OperatorSettings.Defaults.DeletionGraceDays),
        entity.GetDateTimeOffset("UpdatedAt"), entity.GetString("UpdatedBy"), entity.GetInt64("Revision") ?? 0);
}
