namespace CustomerFunctions.Core.Partners;

public sealed record PartnerSettingsView(DeletionNoticeRecipients DeletionNotices, string? NoticeAddress)
{
    public static PartnerSettingsView From(PartnerSettings settings) => new(settings.DeletionNotices, settings.NoticeAddress);
}
