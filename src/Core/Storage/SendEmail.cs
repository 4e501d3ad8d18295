using CustomerFunctions.Core.Email;

namespace CustomerFunctions.Core.Storage;

/// <summary>Put an email on the emails queue.</summary>
public sealed record SendEmail(EmailMessage Message) : SideEffect<EmailQueue>
{
    public override Task RunAsync(string accountId, EmailQueue emails, CancellationToken cancellationToken) =>
        emails.EnqueueAsync(Message, cancellationToken);
}
