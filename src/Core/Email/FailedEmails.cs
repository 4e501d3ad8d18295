using System.Text.Json;
using Azure.Storage.Queues.Models;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// The <c>emails-poison</c> queue: emails that failed their last try, kept without expiry (time-to-live -1; the default
/// would drop them after 7 days) until an operator puts them back or erasure removes an account's.
/// </summary>
public sealed class FailedEmails(StorageClients storage, TimeProvider time)
{
    /// <summary>The most a queue shows without taking messages.</summary>
    public const int PeekLimit = 32;

    public async Task KeepAsync(EmailMessage message, long attempts, string error, CancellationToken cancellationToken)
    {
        var failed = new FailedEmail(message.Id, message.AccountId, message.Template, attempts, error, message.QueuedAt, time.GetUtcNow(), message);
        await storage.EmailPoisonQueue.SendMessageAsync(JsonSerializer.Serialize(failed, Json.Options), visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
    }

    public async Task<FailedEmailList> ListAsync(CancellationToken cancellationToken)
    {
        var queue = storage.EmailPoisonQueue;
        PeekedMessage[] peeked = await queue.PeekMessagesAsync(PeekLimit, cancellationToken);
        QueueProperties properties = await queue.GetPropertiesAsync(cancellationToken);
        return new FailedEmailList([.. peeked.Select(View)], Math.Max(properties.ApproximateMessagesCount, peeked.Length));
    }

    private static FailedEmailView View(PeekedMessage peeked)
    {
        var text = peeked.Body.ToString();
        if (Read<FailedEmail>(text) is { Email: not null } failed)
        {
            return new FailedEmailView(failed.EmailId, failed.Template, failed.AccountId, failed.Attempts, failed.Error, failed.QueuedAt, failed.FailedAt, peeked.InsertedOn);
        }
        // Moved by the queue host itself (or written before failed emails carried their error): the bare email.
        if (Read<EmailMessage>(text) is { Id: not null } email)
        {
            return new FailedEmailView(email.Id, email.Template, email.AccountId, null, null, email.QueuedAt, null, peeked.InsertedOn);
        }
        return new FailedEmailView(null, null, null, null, "The message is not an email.", null, null, peeked.InsertedOn);
    }

    private static T? Read<T>(string text) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Json.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
