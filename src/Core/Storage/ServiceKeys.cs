using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>Service-wide secrets kept in the Settings table (created once, shared by every instance), never in the repository.</summary>
public sealed class ServiceKeys(StorageClients storage)
{
    private byte[]? continuationKey;
    private byte[]? impersonationKey;

    public byte[] ContinuationKey => continuationKey ?? throw new InvalidOperationException("Service keys are not loaded yet.");

    /// <summary>Signs the short-lived impersonation tokens this service issues (HS256).</summary>
    public byte[] ImpersonationKey => impersonationKey ?? throw new InvalidOperationException("Service keys are not loaded yet.");

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        continuationKey = await LoadAsync("continuation", cancellationToken);
        impersonationKey = await LoadAsync("impersonation", cancellationToken);
    }

    private async Task<byte[]> LoadAsync(string name, CancellationToken cancellationToken)
    {
        var candidate = new TableEntity("keys", name) { ["Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        try
        {
            await storage.Settings.AddEntityAsync(candidate, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another instance created it first: use theirs.
        }
        var row = await storage.Settings.GetEntityAsync<TableEntity>("keys", name, cancellationToken: cancellationToken);
        return Convert.FromBase64String(row.Value.GetString("Key"));
    }
}
