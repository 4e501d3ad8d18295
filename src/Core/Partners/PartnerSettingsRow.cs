using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Partners;

/// <summary>Row <c>partnersettings</c> of a partner's partition; absent until the partner first saves its settings.</summary>
public sealed class PartnerSettingsRow : RowMapper<PartnerSettings>
{
    /// <summary>The whole key: one row per partner, so its key part is empty.</summary>
    public const string Prefix = "partnersettings";
    public const string Id = "";

    public override TableEntity ToEntity(string partitionKey, PartnerSettings value) => new(partitionKey, Prefix + Id)
    {
        ["DeletionNotices"] = value.DeletionNotices.ToString(),
        ["NoticeAddress"] = value.NoticeAddress,
    };

    public override PartnerSettings FromEntity(TableEntity entity) => new(
        Enum.TryParse<DeletionNoticeRecipients>(entity.GetString("DeletionNotices"), out var notices) ? notices : DeletionNoticeRecipients.PartnerAdmins,
        entity.GetString("NoticeAddress"));
}
