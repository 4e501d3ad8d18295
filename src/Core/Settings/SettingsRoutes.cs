using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Settings;

/// <summary>Operator settings.</summary>
public static class SettingsRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<SettingsEndpoints>.For("GetSettings", "GET", "settings", Access.Operators, (e, r) => e.Get(r))
            with { Summary = "Read the operator settings (with ETag)", ResponseType = typeof(SettingsView), ETag = true },
        Route<SettingsEndpoints>.For("UpdateSettings", "PUT", "settings", Access.Operators, (e, r) => e.Update(r))
            with { Summary = "Change the operator settings (fields left out keep their value; If-Match honoured; every change audited)", BodyType = typeof(UpdateSettingsBody), ResponseType = typeof(SettingsView), ETag = true },
        Route<SettingsEndpoints>.For("ListSettingsAudit", "GET", "settings/audit", Access.Operators, (e, r) => e.ListAudit(r))
            with { Summary = "The operator settings' change log, newest first", ResponseType = typeof(SettingsAuditPage), Query = ["pageSize", "continuationToken"] },
        Route<PublicSettingsEndpoints>.For("GetPublicSettings", "GET", "public/settings", Access.Anyone, (e, r) => e.Get(r))
            with { Summary = "What the sign-up page needs (no token): the self-registration mode, whether invitation links are on, the email languages", ResponseType = typeof(PublicSettingsView) },
    ];
}
