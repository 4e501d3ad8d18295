namespace CustomerFunctions.Core.Partners;

/// <summary>PUT body: the whole settings (an absent <c>noticeAddress</c> clears it).</summary>
public sealed record PartnerSettingsBody(DeletionNoticeRecipients? DeletionNotices, string? NoticeAddress);
