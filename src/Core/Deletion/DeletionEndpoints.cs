using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Settings;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Requesting, cancelling and listing deletion requests, and deleting an account at once.</summary>
public sealed class DeletionEndpoints(AccountDeletion deletion, DeletionNotices notices, OperatorSettingsStore settings, Paging paging, IdGenerator ids)
{
    public const int MaxTextLength = 2000;

    /// <summary>Read access lets the account's admins in, so a disabled account answers 409 account-not-active rather than 403.</summary>
    public async Task<Answer<ApiResponse, Invalid, OnlyCustomersRequestDeletion, DeletionAlreadyRequested, AccountNotActive>> Request(AccountSession session, ApiRequest request)
    {
        var account = session.Existing;
        if (account.Kind != AccountKind.Customer)
        {
            return new OnlyCustomersRequestDeletion();
        }
        // The body is optional: no body means no reason.
        var body = request.Body.Length == 0 ? new RequestDeletionBody(null) : request.ReadBody<RequestDeletionBody>();
        if (new Validator().Text("reason", body.Reason, MaxTextLength).Failure is { } invalid)
        {
            return invalid;
        }
        if (account.Status == AccountStatus.DeletionRequested)
        {
            return new DeletionAlreadyRequested();
        }
        if (!AccountDeletion.MayRequest(account))
        {
            return new AccountNotActive(account.Status);
        }
        var now = session.Now;
        var caller = session.Caller;
        var (operatorSettings, _) = await settings.ReadAsync(session.Aborted);
        var dueAt = now.AddDays(Math.Max(0, operatorSettings.DeletionGraceDays));
        var deletionRequest = new DeletionRequest
        {
            Id = ids.New(),
            RequestedAt = now,
            RequestedBy = new EventActor(caller.UserId, caller.ImpersonatedBy),
            Reason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim(),
            DueAt = dueAt,
        };
        var paused = await AccountDeletion.PauseProductsAsync(session);
        account.RequestDeletion(dueAt, now);
        session.Add(AccountPartition.DeletionRequests, deletionRequest);
        session.Record(EventTypes.DeletionRequested, new { requestId = deletionRequest.Id, reason = deletionRequest.Reason, dueAt, pausedProducts = paused },
            [new FieldChange("status", "active", "deletionRequested")]);
        session.Effect(new ScheduleDeletion(dueAt));
        session.Effect(new SyncAccountListing());
        session.Effect(new SyncAllMemberships());
        var emails = await notices.PrepareAsync(account, DeletionEmails.Requested, new Dictionary<string, string>
        {
            ["requestedBy"] = caller.Name ?? caller.Email ?? caller.UserId,
            ["requestedAt"] = DeletionNotices.Time(now),
            ["dueAt"] = DeletionNotices.Time(dueAt),
            ["reason"] = deletionRequest.Reason ?? "-",
        }, session.Aborted);
        emails.ForEach(session.Effect);
        return await session.CommitAsync(ApiResponse.Created($"/api/customers/{account.Id}/deletion-requests", DeletionRequestView.From(deletionRequest)));
    }

    public async Task<Answer<ApiResponse, Invalid, NoDeletionRequest>> Cancel(AccountSession session, ApiRequest request)
    {
        // The note is optional, so is a body that would only carry it.
        var body = request.Body.Length == 0 ? new CancelDeletionBody(null) : request.ReadBody<CancelDeletionBody>();
        if (new Validator().Text("note", body.Note, MaxTextLength).Failure is { } invalid)
        {
            return invalid;
        }
        var account = session.Existing;
        if (account.Status != AccountStatus.DeletionRequested || await AccountDeletion.StandingRequestAsync(session) is not { } standing)
        {
            return new NoDeletionRequest();
        }
        var now = session.Now;
        var caller = session.Caller;
        var cancelled = standing.Value.Cancel(new EventActor(caller.UserId, caller.ImpersonatedBy), string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), now);
        var restored = await AccountDeletion.RestoreProductsAsync(session);
        var dueAt = account.DeletionDueAt;
        account.CancelDeletion(now);
        session.Replace(AccountPartition.DeletionRequests, cancelled, standing.ETag);
        session.Record(EventTypes.DeletionRequestCancelled, new { requestId = cancelled.Id, note = cancelled.Note, restoredProducts = restored },
            [new FieldChange("status", "deletionRequested", "active")]);
        if (dueAt is { } due)
        {
            session.Effect(new UnscheduleDeletion(due));
        }
        session.Effect(new SyncAccountListing());
        session.Effect(new SyncAllMemberships());
        var emails = await notices.PrepareAsync(account, DeletionEmails.Cancelled, new Dictionary<string, string>
        {
            ["cancelledBy"] = caller.Name ?? caller.Email ?? caller.UserId,
            ["cancelledAt"] = DeletionNotices.Time(now),
        }, session.Aborted);
        emails.ForEach(session.Effect);
        return await session.CommitAsync(ApiResponse.Ok(DeletionRequestView.From(cancelled)));
    }

    public async Task<ApiResponse> List(AccountSession session, ApiRequest request)
    {
        var (requests, continuationToken) = await session.PageAsync(AccountPartition.DeletionRequests, paging);
        return ApiResponse.Ok(new DeletionRequestPage([.. requests.Select(DeletionRequestView.From)], continuationToken));
    }

    public async Task<Answer<ApiResponse, Invalid, PreconditionFailed, PartnerHasCustomers>> Delete(AccountSession session, ApiRequest request)
    {
        if (request.Query("confirm") != session.AccountId)
        {
            return Invalid.Field("confirm", "Repeat the account's identifier in the confirm query parameter to delete it.");
        }
        if (session.IfMatchFails() is { } stale)
        {
            return stale;
        }
        if (await deletion.RefusalAsync(session) is { } refused)
        {
            return refused;
        }
        await deletion.StageDeletionAsync(session);
        return await session.CommitAsync(ApiResponse.Ok(AccountView.From(session.Existing)));
    }
}
