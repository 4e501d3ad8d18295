namespace CustomerFunctions.Core.Email;

/// <summary>The provider refused the email or reported it failed; the queue retries it and finally moves it to the poison queue.</summary>
public sealed class EmailSendFailedException(string emailId, string? errorCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public string EmailId { get; } = emailId;
    public string? ErrorCode { get; } = errorCode;
}
