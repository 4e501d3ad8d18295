using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerFunctions.Core.Email;

/// <summary>The local default: writes each email as <c>{id}.eml</c> into the pickup folder (rewriting the same file if sent twice).</summary>
public sealed class PickupFolderSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var message = MimeMessages.Build(email, options.Value);
        var path = Path.Combine(directory, email.Id + ".eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}

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
