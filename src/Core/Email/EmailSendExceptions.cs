namespace CustomerFunctions.Core.Email;

/// <summary>
/// The provider asked us to slow down. The queue handler does not count this as a failure: it puts the email back on
/// the queue, invisible for <see cref="RetryAfter"/>, instead of retrying at once.
/// </summary>
public sealed class EmailThrottledException(TimeSpan retryAfter, string message) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The provider refused the email or reported it failed; the queue retries it and finally moves it to the poison queue.</summary>
public sealed class EmailSendFailedException(string emailId, string? errorCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public string EmailId { get; } = emailId;
    public string? ErrorCode { get; } = errorCode;
}
