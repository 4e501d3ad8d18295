using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// A table a store creates on first use, once per instance (the host's start-up creation may run before the store
/// exists); a failed creation is tried again on the next call rather than remembered.
/// </summary>
public sealed class TableCreatedOnce(TableClient table)
{
    private Task? created;

    public TableClient Table => table;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var task = created ??= table.CreateIfNotExistsAsync(CancellationToken.None);
        try
        {
            await task.WaitAsync(cancellationToken);
        }
        catch (Exception) when (task.IsFaulted)
        {
            created = null;
            throw;
        }
    }
}
