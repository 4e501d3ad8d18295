namespace CustomerFunctions.Core.Email;

/// <summary>
/// One email to send, as it travels on the emails queue: a template and its values, rendered by the queue handler in
/// the recipient's language. <see cref="Id"/> is unique per email and makes sending idempotent.
/// </summary>
public sealed record EmailMessage(string Id, string Template, string Language, string To, string? ToName, IReadOnlyDictionary<string, string> Values)
{
    public string? AccountId { get; init; }
}

/// <summary>A rendered email, ready for a sender.</summary>
public sealed record OutgoingEmail(string Id, string To, string? ToName, string Subject, string TextBody);

/// <summary>Sends rendered emails: the pickup folder locally, SMTP or Azure Communication Services in Azure.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
