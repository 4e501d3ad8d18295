namespace CustomerFunctions.Core.Email;

/// <summary>Sends rendered emails: the pickup folder locally, SMTP or Azure Communication Services in Azure.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
