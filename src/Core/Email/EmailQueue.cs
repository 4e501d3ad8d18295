using System.Text.Json;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Email;

/// <summary>Puts emails on the <c>emails</c> queue (base64, as the Functions queue trigger expects).</summary>
public sealed class EmailQueue(StorageClients storage, TimeProvider time)
{
    public Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken) =>
        storage.EmailQueue.SendMessageAsync(JsonSerializer.Serialize(message.QueuedAt is null ? message with { QueuedAt = time.GetUtcNow() } : message, Json.Options), cancellationToken);
}
