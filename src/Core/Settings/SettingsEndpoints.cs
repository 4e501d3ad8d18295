using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Settings;

/// <summary>Reading and changing the operator settings, and reading their audit trail. Operators only (declared on the routes).</summary>
public sealed class SettingsEndpoints(OperatorSettingsStore settings, TimeProvider time)
{
    public async Task<ApiResponse> Get(ApiRequest request)
    {
        var saved = await settings.ReadSavedAsync(request.Aborted);
        return ApiResponse.Ok(View(saved?.Value)) with { ETag = saved?.ETag.ToString() };
    }

    public async Task<Answer<ApiResponse, Invalid, PreconditionFailed>> Update(ApiRequest request)
    {
        var body = request.ReadBody<UpdateSettingsBody>();
        if (new Validator().Range("deletionGraceDays", body.DeletionGraceDays, 0, OperatorSettings.MaxDeletionGraceDays).Failure is { } invalid)
        {
            return invalid;
        }

        var saved = await settings.ReadSavedAsync(request.Aborted);
        var current = saved?.Value.Settings ?? OperatorSettings.Defaults;
        var ifMatch = request.IfMatch;
        if (ifMatch is not null && ifMatch != "*" && ifMatch != saved?.ETag.ToString())
        {
            return new PreconditionFailed();
        }
        var next = new OperatorSettings(
            body.SelfRegistration ?? current.SelfRegistration,
            body.InvitationLinks ?? current.InvitationLinks,
            body.DeletionGraceDays ?? current.DeletionGraceDays);
        var changes = next.ChangesSince(current);
        if (changes.Count == 0)
        {
            // Nothing changes, so nothing is audited.
            return await Get(request);
        }
        var (written, etag) = await settings.SaveAsync(next, changes, saved, request.Caller, time.GetUtcNow(), request.Aborted);
        return ApiResponse.Ok(View(written)) with { ETag = etag.ToString() };
    }

    public async Task<ApiResponse> ListAudit(ApiRequest request)
    {
        var (entries, continuation) = await settings.PageAuditAsync(request);
        return ApiResponse.Ok(new SettingsAuditPage([.. entries.Select(e => new SettingsAuditView(e.Id, e.Revision, e.At, e.UserId, e.Changes))], continuation));
    }

    private static SettingsView View(SavedSettings? saved)
    {
        var s = saved?.Settings ?? OperatorSettings.Defaults;
        return new(s.SelfRegistration, s.InvitationLinks, s.DeletionGraceDays, saved?.UpdatedAt, saved?.UpdatedBy);
    }
}
