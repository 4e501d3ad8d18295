using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Settings;

/// <summary>Operator settings (issue 5).</summary>
public static class SettingsRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
    ];
}
