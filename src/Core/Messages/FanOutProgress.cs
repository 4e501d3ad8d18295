using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>
/// How far a partner-wide message's fan-out got: index partition <c>fanout|{partnerId}</c>, one row per message with
/// the last customer id delivered (<c>Cursor</c>) and whether it finished. Each chunk advances it with the row's ETag,
/// so of two copies of one chunk message only one goes on; the other stops.
/// </summary>
public sealed class FanOutProgress(StorageClients storage)
{
    public static string Partition(string partnerId) => "fanout|" + partnerId;

    /// <summary>The fan-out's state, created at the start if it has none yet.</summary>
    public async Task<FanOutState> StartAsync(string partnerId, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            var added = await storage.Index.AddEntityAsync(new TableEntity(Partition(partnerId), messageId) { ["Cursor"] = "", ["Done"] = false }, cancellationToken);
            return new FanOutState("", false, added.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await ReadAsync(partnerId, messageId, cancellationToken) ?? throw new ConcurrencyConflictException("The fan-out state vanished while it was created.");
        }
    }

    public async Task<FanOutState?> ReadAsync(string partnerId, string messageId, CancellationToken cancellationToken)
    {
        var row = await storage.Index.GetEntityIfExistsAsync<TableEntity>(Partition(partnerId), messageId, cancellationToken: cancellationToken);
        return row.HasValue ? new FanOutState(row.Value!.GetString("Cursor") ?? "", row.Value.GetBoolean("Done") == true, row.Value.ETag) : null;
    }

    /// <summary>Moves the cursor on from <paramref name="read"/>; false if another copy of the chunk moved it first.</summary>
    public async Task<bool> AdvanceAsync(string partnerId, string messageId, FanOutState read, string cursor, bool done, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Index.UpdateEntityAsync(new TableEntity(Partition(partnerId), messageId) { ["Cursor"] = cursor, ["Done"] = done }, read.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }
}
