using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Email;

/// <summary><c>GET /api/operator/failed-emails</c>: what the poison queue keeps, without personal data.</summary>
public sealed class FailedEmailEndpoints(FailedEmails failed)
{
    public async Task<ApiResponse> List(ApiRequest request) => ApiResponse.Ok(await failed.ListAsync(request.Aborted));
}
