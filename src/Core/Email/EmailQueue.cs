using System.Text.Json;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Email;

/// <summary>Puts emails on the <c>emails</c> queue (base64, as the Functions queue trigger expects).</summary>
public sealed class EmailQueue(StorageClients storage)
{
    public Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken) =>
        storage.EmailQueue.SendMessageAsync(JsonSerializer.Serialize(message, Json.Options), cancellationToken);
}
