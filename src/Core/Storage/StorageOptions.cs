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
        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return (new TableServiceClient(new Uri(tableUri), credential, tableOptions), new QueueServiceClient(new Uri(queueUri), credential, queueOptions));
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
