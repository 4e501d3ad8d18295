using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>Queue adapters: the host retries a throwing handler and moves the message to "{queue}-poison" after maxDequeueCount (host.json).</summary>
public sealed class QueueFunctions(EmailQueueHandler emails, Outbox outbox)
{
    [Function("SendEmail")]
    public Task SendEmail([QueueTrigger(StorageClients.EmailQueueName, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        emails.HandleAsync(message, cancellationToken);

    [Function("RecoverOutbox")]
    public Task RecoverOutbox([QueueTrigger(StorageClients.OutboxQueueName, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        outbox.HandleRecoveryMessageAsync(message, cancellationToken);
}
