namespace CustomerFunctions.Core.Partners;

/// <summary>A partner's own settings: who it wants told about its customers' deletions, plus one optional extra address.</summary>
public sealed record PartnerSettings(DeletionNoticeRecipients DeletionNotices, string? NoticeAddress)
{
    /// <summary>What a partner that never chose has: today's behaviour, its admins only.</summary>
    public static readonly PartnerSettings Default = new(DeletionNoticeRecipients.PartnerAdmins, null);
}
