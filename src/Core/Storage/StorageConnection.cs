using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Builds the storage clients from the same settings the Functions host reads: <c>AzureWebJobsStorage</c> as a
/// connection string, or <c>AzureWebJobsStorage__accountName</c> / service URIs for a managed identity.
/// </summary>
public static class StorageConnection
{
    public static (TableServiceClient Tables, QueueServiceClient Queues) Create(IConfiguration configuration, StorageRequestCounter counter, StorageFaultPolicy faults)
    {
        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        // Per call, before retries: a request Azure would refuse is refused once, and never counted as sent.
        tableOptions.AddPolicy(new AzureTableLimitsPolicy(), Azure.Core.HttpPipelinePosition.PerCall);
        tableOptions.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerRetry);
        queueOptions.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerRetry);
        tableOptions.AddPolicy(faults, Azure.Core.HttpPipelinePosition.PerRetry);
        queueOptions.AddPolicy(faults, Azure.Core.HttpPipelinePosition.PerRetry);
        Tune(tableOptions.Retry);
        Tune(queueOptions.Retry);

        var connectionString = configuration["AzureWebJobsStorage"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return (new TableServiceClient(connectionString, tableOptions), new QueueServiceClient(connectionString, queueOptions));
        }
        var section = configuration.GetSection("AzureWebJobsStorage");
        var accountName = section["accountName"];
        var tableUri = section["tableServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.table.core.windows.net");
        var queueUri = section["queueServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.queue.core.windows.net");
        if (tableUri is null || queueUri is null)
        {
            throw new InvalidOperationException("Set AzureWebJobsStorage (a connection string) or AzureWebJobsStorage__accountName for a managed identity.");
        }
        var credential = Credential(section);
        return (new TableServiceClient(new Uri(tableUri), credential, tableOptions), new QueueServiceClient(new Uri(queueUri), credential, queueOptions));
    }

    /// <summary>
    /// As the Functions host reads <c>AzureWebJobsStorage__*</c>: <c>credential=managedidentity</c> uses the app's managed
    /// identity (the user-assigned one named by <c>clientId</c>, else the system-assigned one); <c>tenantId</c> +
    /// <c>clientId</c> + <c>clientSecret</c> a service principal; otherwise the developer's own sign-in (DefaultAzureCredential).
    /// </summary>
    internal static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(string.IsNullOrEmpty(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }
        if (section["tenantId"] is { Length: > 0 } tenantId && clientId is { Length: > 0 } && section["clientSecret"] is { Length: > 0 } secret)
        {
            return new ClientSecretCredential(tenantId, clientId, secret);
        }
        return string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    private static void Tune(RetryOptions retry)
    {
        // Fail fast enough that an HTTP request never hangs for long on a storage outage; callers retry whole commands.
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
