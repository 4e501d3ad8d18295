using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Settings;

/// <summary>
/// Operator settings in the Settings table: one row (defaults until an operator saves them) and, in the same partition,
/// one audit row per change, written in the same transaction as the change.
/// </summary>
public sealed class OperatorSettingsStore(StorageClients storage, IdGenerator ids)
{
    public const string PartitionKey = "operator";
    public const string RowKey = "settings";

    public TableClient Table => storage.Settings;

    public async Task<(OperatorSettings Settings, ETag? ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        var row = await ReadRowAsync(cancellationToken);
        if (row is null)
        {
            return (OperatorSettings.Defaults, null);
        }
        return (FromEntity(row), row.ETag);
    }

    /// <summary>The settings with who changed them last, for the settings endpoint.</summary>
    public async Task<TableEntity?> ReadRowAsync(CancellationToken cancellationToken)
    {
        var row = await storage.Settings.GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>
    /// Replaces the settings row <paramref name="current"/> (null: none were saved yet), guarded by its ETag, and records the audit row in the
    /// same transaction. Throws <see cref="ConcurrencyConflictException"/> when someone else saved in between.
    /// </summary>
    public async Task<ETag> SaveAsync(OperatorSettings next, IReadOnlyList<FieldChange> changes, TableEntity? current, Caller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The revision orders the audit (newest first) even when two changes share a timestamp.
        var revision = (current?.GetInt64("Revision") ?? 0) + 1;
        var row = new TableEntity(PartitionKey, RowKey)
        {
            ["SelfRegistration"] = next.SelfRegistration.ToString(),
            ["InvitationLinks"] = next.InvitationLinks,
            ["DeletionGraceDays"] = next.DeletionGraceDays,
            ["UpdatedAt"] = now,
            ["UpdatedBy"] = caller.UserId,
            ["Revision"] = revision,
        };
        var audit = new SettingsAuditEntry(ids.New(), revision, now, caller.UserId, changes);
        TableTransactionAction[] actions =
        [
            current is not null
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, current.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, row),
            new TableTransactionAction(TableTransactionActionType.Add, audit.ToEntity()),
        ];
        try
        {
            var result = await storage.Settings.SubmitTransactionAsync(actions, cancellationToken);
            return result.Value[0].Headers.ETag ?? ETag.All;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException("The operator settings changed during the update.", e);
        }
    }

    public static OperatorSettings FromEntity(TableEntity e) => new(
        Enum.TryParse<SelfRegistration>(e.GetString("SelfRegistration"), out var mode) ? mode : OperatorSettings.Defaults.SelfRegistration,
        e.GetBoolean("InvitationLinks") ?? OperatorSettings.Defaults.InvitationLinks,
        e.GetInt32("DeletionGraceDays") ?? OperatorSettings.Defaults.DeletionGraceDays);
}
