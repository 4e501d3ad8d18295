namespace CustomerFunctions.Core.Storage;

/// <summary>How a storage request fails under <see cref="FaultInjection.FailStorageWhen"/> (tests only).</summary>
public enum StorageFault
{
    None,

    /// <summary>The request never reaches storage (as if storage were down).</summary>
    FailBeforeSending,

    /// <summary>Storage carries the request out, but the answer is lost (as if the connection dropped).</summary>
    FailAfterSending,
}
