using System.Text.Json;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Core.Telemetry;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// Puts emails on the <c>emails</c> queue (base64, as the Functions queue trigger expects), stamped with when and from
/// which trace, and sealed with their account's email key (<see cref="QueuedEmailSeal"/>).
/// </summary>
public sealed class EmailQueue(StorageClients storage, QueuedEmailSeal seal, TimeProvider time)
{
    public async Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var stamped = message with
        {
            QueuedAt = message.QueuedAt ?? time.GetUtcNow(),
            TraceParent = message.TraceParent ?? CustomerTelemetry.CurrentTraceParent(),
        };
        var sealedMessage = await seal.SealAsync(stamped, cancellationToken);
        await storage.EmailQueue.SendMessageAsync(JsonSerializer.Serialize(sealedMessage, Json.Options), cancellationToken);
    }
}
