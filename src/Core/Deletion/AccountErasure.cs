using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// The second part of deleting or rejecting an account: after the account is marked deleted (one transaction), this
/// walks the account partition map (<see cref="AccountPartition.All"/>) and does to each kind what
/// <see cref="ErasureRules"/> says: rows that give people something (memberships, project access, stored answers) go,
/// rows that say something about people (invitations, messages, requests, history) lose their personal values, the rest
/// stays. It works in transactions of at most 100 rows, each step re-reads what is left, and every step is idempotent,
/// so a crash at any point is finished by running it again (the outbox recovery does that) and two runs at once do no harm.
/// Before the partition, what other stores hold about the account goes: its pending registrations and the registrant's
/// send slots, and the key of its emails still waiting in the emails and poison queues, which makes them unreadable (the
/// farewell emails are queued after this, unsealed).
/// </summary>
public sealed partial class AccountErasure(
    AccountStore accounts, RegistrationStore registrations, QueuedEmailKeys queuedEmailKeys, IndexSync indexSync, IndexTable index, FaultInjection faults,
    ILogger<AccountErasure> logger)
{
    /// <summary>Fault point before each erasure batch: tests "crash" here to prove a later run finishes the job.</summary>
    public const string BeforeBatch = "deletion:before-erase-batch";

    /// <summary>The token purpose the invitations feature indexes invitation token hashes under.</summary>
    public const string InvitationTokenPurpose = "invitation";

    private const int BatchSize = 100;
    private const int MaxAttempts = 5;

    public async Task EraseAsync(string accountId, ErasureReason reason, CancellationToken cancellationToken)
    {
        var plan = ErasureRules.Plan(reason);
        if (await accounts.ReadAccountAsync(accountId, cancellationToken) is not ({ IsDeleted: true }, _))
        {
            // Only a deleted account is ever erased.
            return;
        }
        // First, while the registration row still names the registrant's address.
        var registration = await accounts.ReadAsync(accountId, AccountPartition.Registration, RegistrationRecordRow.Id, cancellationToken);
        var registrantEmail = registration?.Value.Email is { } email && email != PersonalData.Erased ? email : null;
        await registrations.ForgetAccountAsync(accountId, registrantEmail, cancellationToken);
        await queuedEmailKeys.ForgetAsync(accountId, cancellationToken);
        foreach (var step in plan.Where(s => s.Erasure != Erasure.Keep))
        {
            await ForEachBatchAsync(accountId, step, cancellationToken);
        }
        LogErased(logger, accountId);
    }

    /// <summary>Pages through one kind; each page becomes one transaction. A lost race (another run changed a row) starts the kind over.</summary>
    private async Task ForEachBatchAsync(string accountId, ErasureStep step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await foreach (var rows in accounts.PagesAsync(accountId, step.Kind, BatchSize, cancellationToken))
                {
                    var actions = new List<TableTransactionAction>();
                    foreach (var row in rows)
                    {
                        // Index entries go before the row that names them, so a crash in between can't leave one nobody can find.
                        await ForgetIndexEntriesAsync(accountId, step.Kind, row, cancellationToken);
                        if (step.Erasure == Erasure.Delete)
                        {
                            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), row.ETag));
                        }
                        else if (step.Scrubber!(row))
                        {
                            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag));
                        }
                    }
                    if (actions.Count == 0)
                    {
                        continue;
                    }
                    faults.At(BeforeBatch);
                    await accounts.SubmitAsync(actions, cancellationToken);
                }
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                // Another run erased some of these rows first: read what is left and go on.
            }
        }
    }

    /// <summary>What the index table holds because of this row: a member's membership row (tombstoned, as the account is deleted) and an invitation's token pointer.</summary>
    private async Task ForgetIndexEntriesAsync(string accountId, IRowKind kind, TableEntity row, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(kind, AccountPartition.Members))
        {
            await indexSync.SyncMembershipAsync(accountId, row.GetString("UserId") ?? "", cancellationToken);
        }
        else if (ReferenceEquals(kind, AccountPartition.Invitations) && row.GetString("TokenHash") is { Length: > 0 } hash)
        {
            await index.RemovePointerAsync(IndexTable.Token(InvitationTokenPurpose, hash), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the personal data of deleted account {AccountId}")]
    private static partial void LogErased(ILogger logger, string accountId);
}
