using System.Text.Json;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Deletion;

/// <summary>Works the emails queue by hand while the pumps sleep: hands chosen messages to the real handler, or poisons them as the host does.</summary>
public sealed class EmailDesk(ServiceFixture f)
{
    /// <summary>
    /// Sends the waiting emails that <paramref name="which"/> picks (all by default) through the email handler; the rest
    /// stay queued. The picker sees each email opened, as the sender would (sealed if it can no longer be opened).
    /// <paramref name="attempt"/> is the delivery the handler is told it is (the queue's dequeue count; its last try may keep the email).
    /// </summary>
    public Task<int> DeliverAsync(Func<EmailMessage, bool>? which = null, long attempt = 1) =>
        WorkAsync(which ?? (_ => true), async (text, ct) => await f.EmailHandler.HandleAsync(text, attempt, ct));

    /// <summary>Keeps the picked messages in the poison queue as the handler does once their tries are used up.</summary>
    public Task<int> PoisonAsync(Func<EmailMessage, bool> which) =>
        WorkAsync(which, (text, ct) => f.Services.GetRequiredService<FailedEmails>().KeepAsync(Parse(text), 5, "tries used up", ct));

    /// <summary>
    /// The messages waiting in a queue (visible ones, at most 32), parsed and opened as the sender opens them; a kept
    /// failed email as the email it holds. An email that can no longer be opened (its account was erased) comes as
    /// queued, sealed, with <c>Opened</c> false.
    /// </summary>
    public async Task<List<(string MessageId, EmailMessage Email, bool Opened)>> PeekAsync(Azure.Storage.Queues.QueueClient queue)
    {
        var seal = f.Services.GetRequiredService<QueuedEmailSeal>();
        var peeked = new List<(string, EmailMessage, bool)>();
        foreach (var message in (await queue.PeekMessagesAsync(32)).Value)
        {
            var queued = Parse(message.Body.ToString());
            var opened = await seal.OpenAsync(queued, CancellationToken.None);
            peeked.Add((message.MessageId, opened ?? queued, opened is not null));
        }
        return peeked;
    }

    /// <summary>The emails waiting in the emails queue and those kept in the poison queue (see <see cref="PeekAsync"/>).</summary>
    public async Task<List<(string MessageId, EmailMessage Email, bool Opened)>> PeekQueuedAndKeptAsync() =>
        [.. await PeekAsync(f.StorageClients.EmailQueue), .. await PeekAsync(f.StorageClients.EmailPoisonQueue)];

    private async Task<int> WorkAsync(Func<EmailMessage, bool> which, Func<string, CancellationToken, Task> work)
    {
        var queue = f.StorageClients.EmailQueue;
        var seal = f.Services.GetRequiredService<QueuedEmailSeal>();
        var done = 0;
        var received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
        foreach (var message in received)
        {
            var text = message.Body.ToString();
            var queued = Parse(text);
            if (which(await seal.OpenAsync(queued, CancellationToken.None) ?? queued))
            {
                await work(text, CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                done++;
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            }
        }
        return done;
    }

    private static EmailMessage Parse(string text) =>
        text.Contains("\"failedAt\"", StringComparison.Ordinal)
            ? JsonSerializer.Deserialize<FailedEmail>(text, Json.Options)!.Email
            : JsonSerializer.Deserialize<EmailMessage>(text, Json.Options)!;
}
