using Azure.Core;
using Azure.Core.Pipeline;

namespace CustomerFunctions.Core.Storage;

/// <summary>Counts every storage request the SDK sends (retries included), for the benchmark and cost tests.</summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private long total;

    public long Total => Interlocked.Read(ref total);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref total);
}
