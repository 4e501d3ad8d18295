using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// Sends through any SMTP relay (Communication Services' SMTP endpoint included) with MailKit, one connection per email.
/// The Message-ID carries the email's id, so a receiving system can recognise a repeat.
/// </summary>
public sealed partial class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var message = MimeMessages.Build(email, options.Value);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException e) when (IsBusy(e))
        {
            LogThrottled(logger, email.Id, (int)e.StatusCode, smtp.ThrottleDelay);
            throw new EmailThrottledException(smtp.ThrottleDelay, $"The SMTP server is busy ({(int)e.StatusCode}); email {email.Id} waits.");
        }
        LogSent(logger, email.Id, smtp.Host);
    }

    /// <summary>421 (service not available, closing) and 432 (connection limit, as Communication Services answers) mean "later".</summary>
    private static bool IsBusy(SmtpCommandException e) => (int)e.StatusCode is 421 or 432;

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent email {EmailId} through SMTP relay {Host}")]
    private static partial void LogSent(ILogger logger, string emailId, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP relay answered {StatusCode} for email {EmailId}; it waits {RetryAfter} on the queue")]
    private static partial void LogThrottled(ILogger logger, string emailId, int statusCode, TimeSpan retryAfter);
}
