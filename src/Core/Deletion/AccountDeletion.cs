using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Products;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// The lifecycle rules of a deletion, on an open <see cref="AccountSession"/>: reading the request history, stopping
/// and restoring products, and the deletion itself (shared by DELETE and the sweep). Deleting is resumable: one
/// transaction marks the account deleted, records CUSTOMER_DELETED and leaves the rest (index rows, erasure in
/// batches, emails) to outbox effects that any later run can finish.
/// </summary>
public sealed class AccountDeletion(DeletionNotices notices, IndexTable index)
{
    /// <summary>A deletion request may be made only by an active account (not pending, disabled, already requested or deleted).</summary>
    public static bool MayRequest(Account account) => account.Status == AccountStatus.Active;

    public static async Task<DeletionRequest?> StandingRequestAsync(AccountSession session, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {session.AccountId} and RowKey ge {DeletionRequest.Prefix} and RowKey lt {Keys.PrefixEnd(DeletionRequest.Prefix)}");
        await foreach (var row in session.Table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            // Newest first: only the latest request can still be pending.
            var request = DeletionRequest.FromEntity(row);
            return request.IsPending ? request : null;
        }
        return null;
    }

    /// <summary>
    /// Whether a partner's listing still shows a customer that is not deleted: one single-partition query for one row.
    /// Deleting such a partner would leave its customers with a manager nobody can act for.
    /// </summary>
    public async Task<bool> ManagesLiveCustomersAsync(string partnerId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {IndexTable.PartnerCustomers(partnerId)} and Removed eq false and Status ne {nameof(AccountStatus.Deleted)}");
        await foreach (var _ in index.Table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return true;
        }
        return false;
    }

    /// <summary>Stops every running product (active or trial becomes paused, remembering what it was) and recomputes the stage.</summary>
    public static async Task<List<string>> PauseProductsAsync(AccountSession session, CancellationToken cancellationToken)
    {
        var paused = new List<string>();
        var statuses = new List<ProductStatus>();
        await foreach (var row in ProductRows(session, cancellationToken))
        {
            var status = StatusOf(row);
            if (status is ProductStatus.Active or ProductStatus.Trial)
            {
                row[ProductKeys.StatusBeforeDeletion] = status.ToString();
                row[ProductKeys.Status] = ProductStatus.Paused.ToString();
                session.Replace(row);
                paused.Add(row.RowKey[ProductKeys.Prefix.Length..]);
                status = ProductStatus.Paused;
            }
            statuses.Add(status);
        }
        session.Existing.MoveToStage(StageRules.Derive(accountDeleted: false, statuses), session.Now);
        return paused;
    }

    /// <summary>Gives every product paused by the deletion request its old status back and recomputes the stage.</summary>
    public static async Task<List<string>> RestoreProductsAsync(AccountSession session, CancellationToken cancellationToken)
    {
        var restored = new List<string>();
        var statuses = new List<ProductStatus>();
        await foreach (var row in ProductRows(session, cancellationToken))
        {
            var status = StatusOf(row);
            if (Enum.TryParse<ProductStatus>(row.GetString(ProductKeys.StatusBeforeDeletion), out var before))
            {
                row.Remove(ProductKeys.StatusBeforeDeletion);
                // Someone may have changed a paused product meanwhile; only a product still paused gets its old status back.
                if (status == ProductStatus.Paused)
                {
                    row[ProductKeys.Status] = before.ToString();
                    status = before;
                    restored.Add(row.RowKey[ProductKeys.Prefix.Length..]);
                }
                session.Replace(row);
            }
            statuses.Add(status);
        }
        session.Existing.MoveToStage(StageRules.Derive(accountDeleted: false, statuses), session.Now);
        return restored;
    }

    /// <summary>
    /// Step one of a deletion, staged on the session (the caller commits): status and stage deleted, contacts erased,
    /// the standing request closed as deleted, CUSTOMER_DELETED recorded, and the effects that finish the job.
    /// </summary>
    public async Task StageDeletionAsync(AccountSession session, CancellationToken cancellationToken)
    {
        var account = session.Existing;
        var now = session.Now;
        var actor = new EventActor(session.Caller.UserId, session.Caller.ImpersonatedBy);
        var request = await StandingRequestAsync(session, cancellationToken);
        if (request is not null)
        {
            request.Complete(actor, now);
            session.Replace(request.ToEntity(session.AccountId));
        }
        var previousStatus = account.Status;
        var dueAt = account.DeletionDueAt;
        // Read the recipients before anything is erased; the emails go out after the erasure (last effects).
        var emails = await notices.PrepareAsync(account, DeletionEmails.Deleted, new Dictionary<string, string> { ["deletedAt"] = DeletionNotices.Time(now) }, cancellationToken);

        account.MarkDeleted(now);
        session.Record(EventTypes.CustomerDeleted, new { requestId = request?.Id, deletedBy = session.Caller.UserId },
            [new FieldChange("status", JsonNamingPolicy.CamelCase.ConvertName(previousStatus.ToString()), "deleted")]);
        session.Effect(new SyncAccountListing());
        session.Effect(new EraseAccountData());
        emails.ForEach(session.Effect);
        if (dueAt is { } due)
        {
            // Last: until everything before it is done, the due row lets the next sweep finish an interrupted deletion.
            session.Effect(new UnscheduleDeletion(due));
        }
    }

    private static Azure.AsyncPageable<TableEntity> ProductRows(AccountSession session, CancellationToken cancellationToken) =>
        session.Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {session.AccountId} and RowKey ge {ProductKeys.Prefix} and RowKey lt {Keys.PrefixEnd(ProductKeys.Prefix)}"),
            cancellationToken: cancellationToken);

    private static ProductStatus StatusOf(TableEntity row) =>
        Enum.TryParse<ProductStatus>(row.GetString(ProductKeys.Status), ignoreCase: true, out var status) ? status : ProductStatus.NotActivated;
}
