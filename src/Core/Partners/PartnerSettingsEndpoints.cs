using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Partners;

/// <summary>A partner's own settings: read by its members, written by its admins and operators (declared on the routes).</summary>
public sealed class PartnerSettingsEndpoints
{
    public async Task<Answer<ApiResponse, NotFound>> Get(AccountSession session, ApiRequest request)
    {
        if (NotAPartner(session) is { } notFound)
        {
            return notFound;
        }
        var stored = await session.ReadAsync(AccountPartition.PartnerSettings, PartnerSettingsRow.Id);
        return ApiResponse.Ok(PartnerSettingsView.From(stored?.Value ?? PartnerSettings.Default));
    }

    public async Task<Answer<ApiResponse, Invalid, NotFound>> Put(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<PartnerSettingsBody>();
        var check = new Validator().Email("noticeAddress", body.NoticeAddress);
        if (body.DeletionNotices is null)
        {
            check.Error("deletionNotices", "Required: partnerAdmins, allMembers or none.");
        }
        if (NotAPartner(session) is { } notFound)
        {
            return notFound;
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        var stored = await session.ReadAsync(AccountPartition.PartnerSettings, PartnerSettingsRow.Id);
        var before = stored?.Value ?? PartnerSettings.Default;
        var after = new PartnerSettings(body.DeletionNotices!.Value, body.NoticeAddress);
        var changes = new List<FieldChange>();
        if (before.DeletionNotices != after.DeletionNotices)
        {
            changes.Add(new FieldChange("deletionNotices", before.DeletionNotices, after.DeletionNotices));
        }
        if (!string.Equals(before.NoticeAddress, after.NoticeAddress, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange("noticeAddress", before.NoticeAddress, after.NoticeAddress));
        }
        if (changes.Count == 0)
        {
            return ApiResponse.Ok(PartnerSettingsView.From(before));
        }
        session.Upsert(AccountPartition.PartnerSettings, after);
        session.Record(EventTypes.PartnerSettingsChanged, new { deletionNotices = after.DeletionNotices }, changes);
        return await session.CommitAsync(ApiResponse.Ok(PartnerSettingsView.From(after)));
    }

    /// <summary>Partner settings belong to partner accounts: any other account named in the route is not one.</summary>
    private static NotFound? NotAPartner(AccountSession session) =>
        session.Existing.Kind == AccountKind.Partner ? null : new NotFound("The partner");
}
