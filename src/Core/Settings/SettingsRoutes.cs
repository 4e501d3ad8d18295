using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Settings;

/// <summary>Operator settings.</summary>
public static class SettingsRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.For<SettingsEndpoints>("GetSettings", "GET", "settings", (e, r) => e.Get(r))
            with { Summary = "Read the operator settings (with ETag)", Who = "operator", ResponseType = typeof(SettingsView) },
        ApiRoute.For<SettingsEndpoints>("UpdateSettings", "PUT", "settings", (e, r) => e.Update(r))
            with { Summary = "Change the operator settings (fields left out keep their value; If-Match honoured; every change audited)", Who = "operator", BodyType = typeof(UpdateSettingsBody), ResponseType = typeof(SettingsView) },
        ApiRoute.For<SettingsEndpoints>("ListSettingsAudit", "GET", "settings/audit", (e, r) => e.ListAudit(r))
            with { Summary = "The operator settings' change log, newest first", Who = "operator", ResponseType = typeof(SettingsAuditPage), Query = ["pageSize", "continuationToken"] },
    ];
}
