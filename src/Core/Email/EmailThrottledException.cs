namespace CustomerFunctions.Core.Email;

/// <summary>
/// The provider asked us to slow down. The queue handler does not count this as a failure: it puts the email back on
/// the queue, invisible for <see cref="RetryAfter"/>, instead of retrying at once.
/// </summary>
public sealed class EmailThrottledException(TimeSpan retryAfter, string message) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
