namespace CustomerFunctions.Core.Storage;

/// <summary>Named points where a test can make the process "crash" (throw) to prove recovery.</summary>
public sealed class FaultInjection
{
    public const string AfterCommit = "after-commit";

    /// <summary>Before a fan-out chunk touches storage: lets a test hold the fan-out back while it measures the request.</summary>
    public const string BeforeFanOutChunk = "before-fan-out-chunk";

    private volatile Func<string, bool>? shouldFail;
    private volatile Func<string, Uri, StorageFault>? storageFault;

    public void FailWhen(Func<string, bool>? predicate) => shouldFail = predicate;

    /// <summary>Decides, per storage request (HTTP method, URI), whether and how it fails. Null turns faults off.</summary>
    public void FailStorageWhen(Func<string, Uri, StorageFault>? decide) => storageFault = decide;

    public StorageFault StorageFaultFor(string method, Uri uri) => storageFault?.Invoke(method, uri) ?? StorageFault.None;

    public void At(string point)
    {
        if (shouldFail?.Invoke(point) == true)
        {
            throw new InvalidOperationException($"Injected fault at {point}.");
        }
    }
}
