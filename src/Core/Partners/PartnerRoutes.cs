using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Partners;

/// <summary>A partner's own settings.</summary>
public static class PartnerRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<PartnerSettingsEndpoints>.For("GetPartnerSettings", "GET", "partners/{partnerId}/settings", Access.Reads(Allowed.PartnerMembers, "partnerId"), (e, s, r) => e.Get(s, r))
            with { Summary = "The partner's settings: who at the partner is emailed about its customers' deletions (partnerAdmins until set) and an optional extra address", ResponseType = typeof(PartnerSettingsView) },
        Route<PartnerSettingsEndpoints>.For("SetPartnerSettings", "PUT", "partners/{partnerId}/settings", Access.Writes(Allowed.PartnerAdmins, "partnerId"), (e, s, r) => e.Put(s, r))
            with { Summary = "Replace the partner's settings (an absent noticeAddress clears it). Event PARTNER_SETTINGS_CHANGED", BodyType = typeof(PartnerSettingsBody), ResponseType = typeof(PartnerSettingsView) },
    ];
}
