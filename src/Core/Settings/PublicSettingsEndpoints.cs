using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Settings;

/// <summary><c>GET /api/public/settings</c>: anonymous, for the sign-up page.</summary>
public sealed class PublicSettingsEndpoints(OperatorSettingsStore settings)
{
    public async Task<ApiResponse> Get(ApiRequest request)
    {
        var (current, _) = await settings.ReadAsync(request.Aborted);
        return ApiResponse.Ok(new PublicSettingsView(current.SelfRegistration, current.InvitationLinks, EmailTemplates.Languages));
    }
}
