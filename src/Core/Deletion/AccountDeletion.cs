using System.Text.Json;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Products;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// The lifecycle rules of a deletion, on an open <see cref="AccountSession"/>: reading the request history, stopping
/// and restoring products, and the deletion itself (shared by DELETE and the sweep). Deleting is resumable: one
/// transaction marks the account deleted, records CUSTOMER_DELETED and leaves the rest (index rows, erasure in
/// batches, emails) to outbox effects that any later run can finish. A rejected registration ends the same way (<see cref="StageEnd"/>).
/// </summary>
public sealed class AccountDeletion(DeletionNotices notices, IndexTable index)
{
    /// <summary>A deletion request may be made only by an active account (not pending, disabled, already requested or deleted).</summary>
    public static bool MayRequest(Account account) => account.Status == AccountStatus.Active;

    /// <summary>The standing (pending) request with its ETag, if any.</summary>
    public static async Task<Stored<DeletionRequest>?> StandingRequestAsync(AccountSession session)
    {
        await foreach (var request in session.QueryAsync(AccountPartition.DeletionRequests))
        {
            // Newest first: only the latest request can still be pending.
            return request.Value.IsPending ? request : null;
        }
        return null;
    }

    /// <summary>
    /// Whether a partner's listing still shows a customer that is not deleted: one single-partition query for one row.
    /// Deleting such a partner would leave its customers with a manager nobody can act for.
    /// </summary>
    public Task<bool> ManagesLiveCustomersAsync(string partnerId, CancellationToken cancellationToken) =>
        index.AnyAsync(IndexTable.PartnerCustomers(partnerId), $"Removed eq false and Status ne {nameof(AccountStatus.Deleted)}", cancellationToken);

    /// <summary>
    /// The rule a deletion of the session's account would break now, or null. DELETE and the sweep both ask, so a
    /// request made while the account could go is not carried out once it no longer can.
    /// </summary>
    public async Task<PartnerHasCustomers?> RefusalAsync(AccountSession session) =>
        session.Existing.Kind == AccountKind.Partner && await ManagesLiveCustomersAsync(session.AccountId, session.Aborted) ? new PartnerHasCustomers() : null;

    /// <summary>
    /// A due request that breaks <paramref name="rule"/> is closed as cancelled by the caller (the timer), naming the rule,
    /// and the account is active again with its products as they were: staged on the session, the caller commits.
    /// </summary>
    public static async Task StageRefusalAsync(AccountSession session, Stored<DeletionRequest> standing, Conflict rule)
    {
        var account = session.Existing;
        var note = $"Not carried out: {rule.Detail}";
        var cancelled = standing.Value.Cancel(new EventActor(session.Caller.UserId, null), note, session.Now);
        var restored = await RestoreProductsAsync(session);
        var dueAt = account.DeletionDueAt;
        account.CancelDeletion(session.Now);
        session.Replace(AccountPartition.DeletionRequests, cancelled, standing.ETag);
        session.Record(EventTypes.DeletionRequestCancelled, new { requestId = cancelled.Id, note, refusedBy = rule.Type, restoredProducts = restored },
            [new FieldChange("status", "deletionRequested", "active")]);
        if (dueAt is { } due)
        {
            session.Effect(new UnscheduleDeletion(due));
        }
        session.Effect(new SyncAccountListing());
    }

    /// <summary>Stops every running product (active or trial becomes paused, remembering what it was) and recomputes the stage.</summary>
    public static async Task<List<string>> PauseProductsAsync(AccountSession session)
    {
        var paused = new List<string>();
        var statuses = new List<ProductStatus>();
        await foreach (var stored in session.QueryAsync(AccountPartition.Products))
        {
            var product = stored.Value.PausedForDeletion();
            if (product != stored.Value)
            {
                session.Replace(AccountPartition.Products, product, stored.ETag);
                paused.Add(product.ProductId);
            }
            statuses.Add(product.Status);
        }
        session.Existing.MoveToStage(StageRules.Derive(accountDeleted: false, statuses), session.Now);
        return paused;
    }

    /// <summary>Gives every product paused by the deletion request its old status back and recomputes the stage.</summary>
    public static async Task<List<string>> RestoreProductsAsync(AccountSession session)
    {
        var restored = new List<string>();
        var statuses = new List<ProductStatus>();
        await foreach (var stored in session.QueryAsync(AccountPartition.Products))
        {
            var product = stored.Value.RestoredAfterDeletion();
            if (product != stored.Value)
            {
                session.Replace(AccountPartition.Products, product, stored.ETag);
                // Someone may have changed a paused product meanwhile; only a product still paused gets its old status back.
                if (stored.Value.Status == ProductStatus.Paused)
                {
                    restored.Add(product.ProductId);
                }
            }
            statuses.Add(product.Status);
        }
        session.Existing.MoveToStage(StageRules.Derive(accountDeleted: false, statuses), session.Now);
        return restored;
    }

    /// <summary>
    /// Step one of a deletion, staged on the session (the caller commits): the standing request closed as deleted,
    /// CUSTOMER_DELETED recorded, the account's end (<see cref="StageEnd"/>), the emails and the due row's removal.
    /// </summary>
    public async Task StageDeletionAsync(AccountSession session)
    {
        var account = session.Existing;
        var now = session.Now;
        DeletionRequest? completed = null;
        if (await StandingRequestAsync(session) is { } standing)
        {
            completed = standing.Value.Complete(new EventActor(session.Caller.UserId, session.Caller.ImpersonatedBy), now);
            session.Replace(AccountPartition.DeletionRequests, completed, standing.ETag);
        }
        session.Record(EventTypes.CustomerDeleted, new { requestId = completed?.Id, deletedBy = session.Caller.UserId },
            [new FieldChange("status", JsonNamingPolicy.CamelCase.ConvertName(account.Status.ToString()), "deleted")]);
        var dueAt = account.DeletionDueAt;
        // Read the recipients before anything is erased; the emails go out after the erasure (effects run in order).
        var emails = await notices.PrepareAsync(account, DeletionEmails.Deleted, new Dictionary<string, string> { ["deletedAt"] = DeletionNotices.Time(now) }, session.Aborted);

        StageEnd(session, ErasureReason.Deletion);
        emails.ForEach(session.Effect);
        if (dueAt is { } due)
        {
            // Last: until everything before it is done, the due row lets the next sweep finish an interrupted deletion.
            session.Effect(new UnscheduleDeletion(due));
        }
    }

    /// <summary>
    /// How every account ends, deleted or rejected, staged on the session: marked deleted (contacts cleared), its listing
    /// rows updated, then its rows erased (<see cref="AccountErasure"/>). Effects the caller adds after this run after the erasure.
    /// </summary>
    public static void StageEnd(AccountSession session, ErasureReason reason)
    {
        session.Existing.MarkDeleted(session.Now);
        session.Effect(new SyncAccountListing());
        session.Effect(new EraseAccountData(reason));
    }
}
