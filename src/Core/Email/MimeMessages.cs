using MimeKit;

namespace CustomerFunctions.Core.Email;

/// <summary>Builds the MIME message the SMTP and pickup senders write.</summary>
public static class MimeMessages
{
    public static MimeMessage Build(OutgoingEmail email, EmailOptions options)
    {
        var message = new MimeMessage
        {
            MessageId = email.Id + "@customer-functions",
            Subject = email.Subject,
            Body = new TextPart("plain") { Text = email.TextBody },
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName ?? "", email.To));
        return message;
    }
}
