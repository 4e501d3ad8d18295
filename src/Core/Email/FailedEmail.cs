namespace CustomerFunctions.Core.Email;

/// <summary>
/// What the <c>emails-poison</c> queue keeps of an email that failed its last try: the email itself (so an operator can
/// put it back) and why it failed. <see cref="AccountId"/> sits at the top level (JSON <c>accountId</c>), so erasing an
/// account finds its messages without reading the email.
/// </summary>
public sealed record FailedEmail(string EmailId, string? AccountId, string Template, long Attempts, string Error, DateTimeOffset? QueuedAt, DateTimeOffset FailedAt, EmailMessage Email);
