using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Settings;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

public sealed record RequestDeletionBody(string? Reason);

public sealed record CancelDeletionBody(string? Note);

/// <summary>Requesting, cancelling and listing deletion requests, and deleting an account at once.</summary>
public sealed class DeletionEndpoints(AccountStore accounts, AccountDeletion deletion, DeletionNotices notices, OperatorSettingsStore settings, Paging paging, IdGenerator ids)
{
    public const int MaxTextLength = 2000;

    public async Task<Microsoft.AspNetCore.Http.IResult> Request(ApiRequest request)
    {
        // The body is optional: no body means no reason.
        var body = request.Body.Length == 0 ? new RequestDeletionBody(null) : request.ReadBody<RequestDeletionBody>();
        new Validator().Text("reason", body.Reason, MaxTextLength).ThrowIfInvalid();

        // Read access suffices to get here; the status check below answers a disabled account with a 409, not a 403.
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.AccountAdmins, writes: false);
        var account = session.Existing;
        if (!AccountDeletion.MayRequest(account))
        {
            throw new ApiErrorException(account.Status == AccountStatus.DeletionRequested
                ? ApiError.Conflict("deletion-already-requested", "A deletion request for this account is already standing.")
                : ApiError.Conflict("account-not-active", $"Only an active account can ask to be deleted; this one is {System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(account.Status.ToString())}."));
        }
        var now = session.Now;
        var (operatorSettings, _) = await settings.ReadAsync(request.Aborted);
        var dueAt = now.AddDays(Math.Max(0, operatorSettings.DeletionGraceDays));
        var actor = new EventActor(request.Caller.UserId, request.Caller.ImpersonatedBy);
        var deletionRequest = new DeletionRequest
        {
            Id = ids.New(),
            RequestedAt = now,
            RequestedBy = actor,
            Reason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim(),
            DueAt = dueAt,
        };
        var paused = await AccountDeletion.PauseProductsAsync(session, request.Aborted);
        account.RequestDeletion(dueAt, now);
        session.Add(deletionRequest.ToEntity(account.Id));
        session.Record(EventTypes.DeletionRequested, new { requestId = deletionRequest.Id, reason = deletionRequest.Reason, dueAt, pausedProducts = paused },
            [new FieldChange("status", "active", "deletionRequested")]);
        session.Effect(new ScheduleDeletion(dueAt));
        session.Effect(new SyncAccountListing());
        var emails = await notices.PrepareAsync(account, DeletionEmails.Requested, new Dictionary<string, string>
        {
            ["requestedBy"] = request.Caller.Name ?? request.Caller.Email ?? request.Caller.UserId,
            ["requestedAt"] = DeletionNotices.Time(now),
            ["dueAt"] = DeletionNotices.Time(dueAt),
            ["reason"] = deletionRequest.Reason ?? "-",
        }, request.Aborted);
        emails.ForEach(session.Effect);
        return await session.CommitAsync(ApiResponse.Created($"/api/customers/{account.Id}/deletion-requests", DeletionRequestView.From(deletionRequest)));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> Cancel(ApiRequest request)
    {
        var body = request.ReadBody<CancelDeletionBody>();
        new Validator().Text("note", body.Note, MaxTextLength, required: true).ThrowIfInvalid();

        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Managers, writes: true);
        var account = session.Existing;
        var standing = account.Status == AccountStatus.DeletionRequested ? await AccountDeletion.StandingRequestAsync(session, request.Aborted) : null;
        if (standing is null)
        {
            throw new ApiErrorException(ApiError.Conflict("no-deletion-request", "No deletion request is standing for this account."));
        }
        var now = session.Now;
        var actor = new EventActor(request.Caller.UserId, request.Caller.ImpersonatedBy);
        standing.Cancel(actor, body.Note!.Trim(), now);
        var restored = await AccountDeletion.RestoreProductsAsync(session, request.Aborted);
        var dueAt = account.DeletionDueAt;
        account.CancelDeletion(now);
        session.Replace(standing.ToEntity(account.Id));
        session.Record(EventTypes.DeletionRequestCancelled, new { requestId = standing.Id, note = standing.Note, restoredProducts = restored },
            [new FieldChange("status", "deletionRequested", "active")]);
        if (dueAt is { } due)
        {
            session.Effect(new UnscheduleDeletion(due));
        }
        session.Effect(new SyncAccountListing());
        var emails = await notices.PrepareAsync(account, DeletionEmails.Cancelled, new Dictionary<string, string>
        {
            ["cancelledBy"] = request.Caller.Name ?? request.Caller.Email ?? request.Caller.UserId,
            ["cancelledAt"] = DeletionNotices.Time(now),
        }, request.Aborted);
        emails.ForEach(session.Effect);
        return await session.CommitAsync(ApiResponse.Ok(DeletionRequestView.From(standing)));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> List(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {session.AccountId} and RowKey ge {DeletionRequest.Prefix} and RowKey lt {Keys.PrefixEnd(DeletionRequest.Prefix)}");
        var (rows, continuationToken) = await paging.QueryAsync(session.Table, filter, request, Paging.Scope(request));
        return ApiResponse.Ok(new DeletionRequestPage(rows.Select(r => DeletionRequestView.From(DeletionRequest.FromEntity(r))).ToList(), continuationToken));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> Delete(ApiRequest request)
    {
        var id = request.RouteValue("id");
        if (request.Query("confirm") != id)
        {
            throw new ApiErrorException(ApiError.Validation("confirm", "Repeat the account's identifier in the confirm query parameter to delete it."));
        }
        var session = (await accounts.OpenAsync(id, request)).Authorize(Allowed.Managers, writes: true);
        session.CheckIfMatch();
        if (session.Existing is { Kind: AccountKind.Partner, IsDeleted: false } && await deletion.ManagesLiveCustomersAsync(id, request.Aborted))
        {
            throw new ApiErrorException(ApiError.Conflict("partner-has-customers",
                "This partner still manages customer accounts that are not deleted; delete them first, so that none is left without its partner."));
        }
        await deletion.StageDeletionAsync(session, request.Aborted);
        return await session.CommitAsync(ApiResponse.Ok(AccountView.From(session.Existing)));
    }
}

public sealed record DeletionRequestPage(IReadOnlyList<DeletionRequestView> Items, string? ContinuationToken);
