using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Projects;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// The second part of a deletion: after the account is marked deleted (one transaction), this takes away what its rows
/// still give people (memberships, project access, invitation tokens) and erases what they still say about people
/// (invitation emails and names, personal values in history details, stored idempotent answers). It works in
/// transactions of at most 100 rows, each step re-reads what is left, and every step is idempotent, so a crash at any
/// point is finished by running it again (the outbox recovery does that) and two runs at once do no harm.
/// </summary>
public sealed partial class AccountErasure(StorageClients storage, IndexSync indexSync, IndexTable index, FaultInjection faults, ILogger<AccountErasure> logger)
{
    /// <summary>Fault point before each erasure batch: tests "crash" here to prove a later run finishes the job.</summary>
    public const string BeforeBatch = "deletion:before-erase-batch";

    /// <summary>The token purpose the invitations feature indexes invitation token hashes under.</summary>
    public const string InvitationTokenPurpose = "invitation";

    private const string InvitationPrefix = "invitation|";
    private const string IdempotencyPrefix = "idem|";
    private const int BatchSize = 100;
    private const int MaxAttempts = 5;

    public async Task EraseAsync(string accountId, CancellationToken cancellationToken)
    {
        var profile = await storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, Keys.Profile, cancellationToken: cancellationToken);
        if (!profile.HasValue || !AccountPartition.Profile.FromEntity(profile.Value!).IsDeleted)
        {
            // Only a deleted account is ever erased.
            return;
        }
        await ForEachBatchAsync(accountId, MemberRow.Prefix, RemoveMembersAsync, cancellationToken);
        await ForEachBatchAsync(accountId, ProjectKeys.AccessPrefix, DeleteAll, cancellationToken);
        await ForEachBatchAsync(accountId, IdempotencyPrefix, DeleteAll, cancellationToken);
        await ForEachBatchAsync(accountId, InvitationPrefix, EraseInvitationsAsync, cancellationToken);
        await ForEachBatchAsync(accountId, Acknowledgement.Prefix, EraseAcknowledgers, cancellationToken);
        await ForEachBatchAsync(accountId, HistoryEventRow.Prefix, ScrubHistory, cancellationToken);
        LogErased(logger, accountId);
    }

    /// <summary>Pages through one RowKey prefix; each page becomes one transaction. A lost race (another run changed a row) starts the prefix over.</summary>
    private async Task ForEachBatchAsync(
        string accountId, string prefix, Func<string, IReadOnlyList<TableEntity>, CancellationToken, Task<List<TableTransactionAction>>> plan, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {prefix} and RowKey lt {Keys.PrefixEnd(prefix)}");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await foreach (var page in storage.Accounts.QueryAsync<TableEntity>(filter, BatchSize, cancellationToken: cancellationToken).AsPages(pageSizeHint: BatchSize))
                {
                    var actions = await plan(accountId, page.Values, cancellationToken);
                    if (actions.Count == 0)
                    {
                        continue;
                    }
                    faults.At(BeforeBatch);
                    await storage.Accounts.SubmitTransactionAsync(actions, cancellationToken);
                }
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                // Another run erased some of these rows first: read what is left and go on.
            }
        }
    }

    private async Task<List<TableTransactionAction>> RemoveMembersAsync(string accountId, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            // The account is deleted, so this writes a tombstone; it runs before the member row goes so a crash can't lose the user id.
            await indexSync.SyncMembershipAsync(accountId, row.GetString("UserId") ?? "", cancellationToken);
        }
        return DeleteAll(rows);
    }

    private static Task<List<TableTransactionAction>> DeleteAll(string accountId, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken) =>
        Task.FromResult(DeleteAll(rows));

    private static List<TableTransactionAction> DeleteAll(IReadOnlyList<TableEntity> rows) =>
        rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.PartitionKey, r.RowKey), r.ETag)).ToList();

    private async Task<List<TableTransactionAction>> EraseInvitationsAsync(string accountId, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        foreach (var row in rows)
        {
            var changed = false;
            if (row.GetString("TokenHash") is { Length: > 0 } hash)
            {
                // Forget the pointer before the hash, so a crash in between can't leave a pointer nobody can find.
                await index.RemovePointerAsync(IndexTable.Token(InvitationTokenPurpose, hash), cancellationToken);
                row.Remove("TokenHash");
                changed = true;
            }
            if (row.GetString("State") == "pending")
            {
                row["State"] = "cancelled";
                changed = true;
            }
            changed |= ErasePersonalValues(row, "Email", "FullName");
            if (changed)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag));
            }
        }
        return actions;
    }

    /// <summary>Who acknowledged a message stays (user ids), what they were called goes.</summary>
    private static Task<List<TableTransactionAction>> EraseAcknowledgers(string accountId, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken) =>
        Task.FromResult(rows.Where(row => ErasePersonalValues(row, "Name"))
            .Select(row => new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag)).ToList());

    /// <summary>Replaces the row's values of <paramref name="keys"/> and of any personal-data property; true when something changed.</summary>
    private static bool ErasePersonalValues(TableEntity row, params string[] keys)
    {
        var changed = false;
        foreach (var key in row.Keys.Where(k => keys.Contains(k) || PersonalData.IsPersonalKey(k)).ToList())
        {
            if (row[key] is string value && value != PersonalData.Erased)
            {
                row[key] = PersonalData.Erased;
                changed = true;
            }
        }
        return changed;
    }

    private static Task<List<TableTransactionAction>> ScrubHistory(string accountId, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        foreach (var row in rows)
        {
            var aboutAUser = (row.GetString("Type") ?? "").StartsWith("USER_", StringComparison.Ordinal);
            var details = row.GetString("Details");
            var changes = row.GetString("Changes");
            var scrubbedDetails = PersonalData.Scrub(details, aboutAUser);
            var scrubbedChanges = PersonalData.Scrub(changes, aboutAUser);
            if (scrubbedDetails != details || scrubbedChanges != changes)
            {
                var update = new TableEntity(row.PartitionKey, row.RowKey) { ["Details"] = scrubbedDetails, ["Changes"] = scrubbedChanges };
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, update, row.ETag));
            }
        }
        return Task.FromResult(actions);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the personal data of deleted account {AccountId}")]
    private static partial void LogErased(ILogger logger, string accountId);
}
