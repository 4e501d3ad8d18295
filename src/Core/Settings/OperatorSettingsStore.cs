using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Settings;

/// <summary>
/// Operator settings in the Settings table: one row (defaults until an operator saves them) and, in the same partition,
/// one audit row per change, written in the same transaction as the change. The only code touching those rows.
/// </summary>
public sealed class OperatorSettingsStore(StorageClients storage, IdGenerator ids, Paging paging)
{
    private static readonly SavedSettingsRow SettingsRow = new();
    private static readonly RowKind<SettingsAuditEntry> Audit = new(SettingsAuditEntryRow.Prefix, new SettingsAuditEntryRow(), Erasure.Keep);

    public async Task<(OperatorSettings Settings, ETag? ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        var saved = await ReadSavedAsync(cancellationToken);
        return saved is null ? (OperatorSettings.Defaults, null) : (saved.Value.Settings, saved.ETag);
    }

    /// <summary>The settings with who changed them last, for the settings endpoint; null until an operator saved them.</summary>
    public async Task<Stored<SavedSettings>?> ReadSavedAsync(CancellationToken cancellationToken)
    {
        var row = await storage.Settings.GetEntityIfExistsAsync<TableEntity>(SavedSettingsRow.PartitionKey, SavedSettingsRow.RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? new Stored<SavedSettings>(SettingsRow.FromEntity(row.Value!), row.Value!.RowKey, row.Value!.ETag) : null;
    }

    /// <summary>
    /// Replaces the settings <paramref name="current"/> (null: none were saved yet), guarded by its ETag, and records the audit row in the
    /// same transaction. Throws <see cref="ConcurrencyConflictException"/> when someone else saved in between.
    /// </summary>
    public async Task<(SavedSettings Saved, ETag ETag)> SaveAsync(
        OperatorSettings next, IReadOnlyList<FieldChange> changes, Stored<SavedSettings>? current, Caller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The revision orders the audit (newest first) even when two changes share a timestamp.
        var saved = new SavedSettings(next, now, caller.UserId, (current?.Value.Revision ?? 0) + 1);
        var row = SettingsRow.ToEntity(SavedSettingsRow.PartitionKey, saved);
        var audit = new SettingsAuditEntry(ids.New(), saved.Revision, now, caller.UserId, changes);
        TableTransactionAction[] actions =
        [
            current is not null
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, current.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, row),
            new TableTransactionAction(TableTransactionActionType.Add, Audit.ToEntity(SavedSettingsRow.PartitionKey, audit)),
        ];
        try
        {
            var result = await storage.Settings.SubmitTransactionAsync(actions, cancellationToken);
            return (saved, result.Value[0].Headers.ETag ?? ETag.All);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException("The operator settings changed during the update.", e);
        }
    }

    /// <summary>One page of the audit, newest first.</summary>
    public async Task<(List<SettingsAuditEntry> Items, string? ContinuationToken)> PageAuditAsync(ApiRequest request)
    {
        var (rows, continuation) = await paging.QueryAsync(storage.Settings, Audit.Range(SavedSettingsRow.PartitionKey), request, Paging.Scope(request));
        return ([.. rows.Select(Audit.FromEntity)], continuation);
    }
}
