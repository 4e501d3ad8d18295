using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>
/// Queue adapters: the host retries a throwing handler and moves the message to "{queue}-poison" after maxDequeueCount
/// (host.json). Emails are moved by their handler on the last try instead, kept without the host's 7-day expiry.
/// </summary>
public sealed class QueueFunctions(EmailQueueHandler emails, Outbox outbox, PartnerMessageFanOut fanOut)
{
    [Function("SendEmail")]
    public Task SendEmail([QueueTrigger(StorageClients.EmailQueueName, Connection = "AzureWebJobsStorage")] string message, FunctionContext context, CancellationToken cancellationToken) =>
        emails.HandleAsync(message, QueueTriggerData.DequeueCount(context), cancellationToken);

    [Function("RecoverOutbox")]
    public Task RecoverOutbox([QueueTrigger(StorageClients.OutboxQueueName, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        outbox.HandleRecoveryMessageAsync(message, cancellationToken);

    [Function("FanOutPartnerMessage")]
    public Task FanOutPartnerMessage([QueueTrigger(StorageClients.PartnerMessageQueueName, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        fanOut.HandleChunkAsync(message, cancellationToken);
}
