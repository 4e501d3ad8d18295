using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// Handles one message of the emails queue: renders it and sends it once. A row in SentEmails marks it sent, so a
/// redelivered message sends nothing; a send failure throws, and the host retries it and finally moves it to the poison queue.
/// </summary>
public sealed partial class EmailQueueHandler(StorageClients storage, IEmailSender sender, TimeProvider time, ILogger<EmailQueueHandler> logger)
{
    public async Task HandleAsync(string messageText, CancellationToken cancellationToken)
    {
        EmailMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<EmailMessage>(messageText, Json.Options);
        }
        catch (JsonException)
        {
            message = null;
        }
        if (message is null || !Keys.IsSafeKeyPart(message.Id))
        {
            throw new InvalidOperationException("Malformed email queue message.");
        }
        var sent = await storage.SentEmails.GetEntityIfExistsAsync<TableEntity>(message.Id, "", cancellationToken: cancellationToken);
        if (sent.HasValue)
        {
            LogDuplicate(logger, message.Id);
            return;
        }
        var (subject, body) = EmailTemplates.Render(message.Template, message.Language, message.Values);
        await sender.SendAsync(new OutgoingEmail(message.Id, message.To, message.ToName, subject, body), cancellationToken);
        try
        {
            await storage.SentEmails.AddEntityAsync(new TableEntity(message.Id, "")
            {
                ["Template"] = message.Template,
                ["AccountId"] = message.AccountId,
                ["SentAt"] = time.GetUtcNow(),
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
        LogSent(logger, message.Id, message.Template, message.AccountId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent email {EmailId} ({Template}) for account {AccountId}")]
    private static partial void LogSent(ILogger logger, string emailId, string template, string? accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailId} was already sent; skipped the redelivery")]
    private static partial void LogDuplicate(ILogger logger, string emailId);
}
