using Azure.Data.Tables;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Settings;

/// <summary>PUT body: fields left out keep their current value.</summary>
public sealed record UpdateSettingsBody(SelfRegistration? SelfRegistration, bool? InvitationLinks, int? DeletionGraceDays);

public sealed record SettingsView(SelfRegistration SelfRegistration, bool InvitationLinks, int DeletionGraceDays, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record SettingsAuditView(string Id, long Revision, DateTimeOffset At, string UserId, IReadOnlyList<FieldChange> Changes);

public sealed record SettingsAuditPage(IReadOnlyList<SettingsAuditView> Items, string? ContinuationToken);

/// <summary>Reading and changing the operator settings, and reading their audit trail. Operators only.</summary>
public sealed class SettingsEndpoints(OperatorSettingsStore settings, Paging paging, TimeProvider time)
{
    public async Task<IResult> Get(ApiRequest request)
    {
        RequireOperator(request);
        var row = await settings.ReadRowAsync(request.Aborted);
        var view = row is null ? View(OperatorSettings.Defaults, null) : View(OperatorSettingsStore.FromEntity(row), row);
        return ApiResponse.Ok(view) with { ETag = row?.ETag.ToString() };
    }

    public async Task<IResult> Update(ApiRequest request)
    {
        RequireOperator(request);
        var body = request.ReadBody<UpdateSettingsBody>();
        new Validator()
            .Range("deletionGraceDays", body.DeletionGraceDays, 0, OperatorSettings.MaxDeletionGraceDays)
            .ThrowIfInvalid();

        var row = await settings.ReadRowAsync(request.Aborted);
        var current = row is null ? OperatorSettings.Defaults : OperatorSettingsStore.FromEntity(row);
        var ifMatch = request.IfMatch;
        if (ifMatch is not null && ifMatch != "*" && ifMatch != row?.ETag.ToString())
        {
            throw new ApiErrorException(ApiError.PreconditionFailed());
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
        var now = time.GetUtcNow();
        var saved = await settings.SaveAsync(next, changes, row, request.Caller, now, request.Aborted);
        return ApiResponse.Ok(new SettingsView(next.SelfRegistration, next.InvitationLinks, next.DeletionGraceDays, now, request.Caller.UserId)) with { ETag = saved.ToString() };
    }

    public async Task<IResult> ListAudit(ApiRequest request)
    {
        RequireOperator(request);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {OperatorSettingsStore.PartitionKey} and RowKey ge {SettingsAuditEntry.Prefix} and RowKey lt {Keys.PrefixEnd(SettingsAuditEntry.Prefix)}");
        var (rows, continuation) = await paging.QueryAsync(settings.Table, filter, request, Paging.Scope(request));
        var items = rows.Select(SettingsAuditEntry.FromEntity).Select(e => new SettingsAuditView(e.Id, e.Revision, e.At, e.UserId, e.Changes)).ToList();
        return ApiResponse.Ok(new SettingsAuditPage(items, continuation));
    }

    private static SettingsView View(OperatorSettings s, TableEntity? row) =>
        new(s.SelfRegistration, s.InvitationLinks, s.DeletionGraceDays, row?.GetDateTimeOffset("UpdatedAt"), row?.GetString("UpdatedBy"));

    private static void RequireOperator(ApiRequest request)
    {
        if (!request.Caller.IsOperator || request.Caller.IsImpersonation)
        {
            throw new ApiErrorException(ApiError.Forbidden("Only platform operators read and change the operator settings."));
        }
    }
}
