using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Lets reliability tests fail chosen storage requests, before or after storage saw them. Inert unless a test sets
/// <see cref="FaultInjection.FailStorageWhen"/>; it is part of every client's pipeline so faults hit the real code paths.
/// </summary>
public sealed class StorageFaultPolicy(FaultInjection faults) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        var fault = faults.StorageFaultFor(message.Request.Method.ToString(), message.Request.Uri.ToUri());
        if (fault == StorageFault.FailBeforeSending)
        {
            throw new RequestFailedException(503, "Injected fault: storage unavailable.");
        }
        if (async)
        {
            await ProcessNextAsync(message, pipeline);
        }
        else
        {
            ProcessNext(message, pipeline);
        }
        if (fault == StorageFault.FailAfterSending)
        {
            throw new IOException("Injected fault: the connection dropped after storage handled the request.");
        }
    }
}
