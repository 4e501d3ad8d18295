using System.Text.Json;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Core.Telemetry;

namespace CustomerFunctions.Core.Email;

/// <summary>Puts emails on the <c>emails</c> queue (base64, as the Functions queue trigger expects), stamped with when and from which trace.</summary>
public sealed class EmailQueue(StorageClients storage, TimeProvider time)
{
    public Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var stamped = message with
        {
            QueuedAt = message.QueuedAt ?? time.GetUtcNow(),
            TraceParent = message.TraceParent ?? CustomerTelemetry.CurrentTraceParent(),
        };
        return storage.EmailQueue.SendMessageAsync(JsonSerializer.Serialize(stamped, Json.Options), cancellationToken);
    }
}
