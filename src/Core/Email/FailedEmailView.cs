namespace CustomerFunctions.Core.Email;

/// <summary>
/// A kept failed email as operators see it: never its address, names or text, which are personal data. Attempts and
/// error are null for a message the queue host moved there itself (it records neither).
/// </summary>
public sealed record FailedEmailView(string? EmailId, string? Template, string? AccountId, long? Attempts, string? Error, DateTimeOffset? QueuedAt, DateTimeOffset? FailedAt, DateTimeOffset? KeptSince);
