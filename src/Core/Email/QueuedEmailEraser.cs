using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// Removes an erased account's emails from the <c>emails</c> queue and its poison queue: they carry addresses, names,
/// free text and plaintext tokens. A queue cannot be searched, so this receives its messages (at most
/// <see cref="MaxMessagesPerQueue"/> per queue and run, 32 at a time), deletes those of the account and makes the rest
/// visible again at once (a released message counts one delivery more, as any receive does). Messages invisible at that
/// moment (being sent, or waiting for a throttle) are not seen; they leave the queue when they are sent. Idempotent.
/// </summary>
public sealed class QueuedEmailEraser(StorageClients storage)
{
    public const int MaxMessagesPerQueue = 3200;

    /// <summary>How long received messages stay hidden from the senders while they are looked at (released sooner).</summary>
    private static readonly TimeSpan LookTime = TimeSpan.FromMinutes(2);

    public async Task<int> EraseAsync(string accountId, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var queue in new[] { storage.EmailQueue, storage.EmailPoisonQueue })
        {
            removed += await EraseAsync(queue, accountId, cancellationToken);
        }
        return removed;
    }

    private static async Task<int> EraseAsync(QueueClient queue, string accountId, CancellationToken cancellationToken)
    {
        var removed = 0;
        // Released only after the pass, so a later receive does not hand the same messages back.
        var others = new List<(string Id, string PopReceipt)>();
        try
        {
            while (removed + others.Count < MaxMessagesPerQueue)
            {
                var messages = (await queue.ReceiveMessagesAsync(32, LookTime, cancellationToken)).Value;
                foreach (var message in messages)
                {
                    if (Erases(message.Body.ToString(), accountId))
                    {
                        await IgnoringGoneAsync(queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken));
                        removed++;
                    }
                    else
                    {
                        others.Add((message.MessageId, message.PopReceipt));
                    }
                }
                if (messages.Length < 32)
                {
                    break;
                }
            }
        }
        finally
        {
            await ReleaseAsync(queue, others, CancellationToken.None);
        }
        return removed;
    }

    private static async Task ReleaseAsync(QueueClient queue, List<(string Id, string PopReceipt)> messages, CancellationToken cancellationToken)
    {
        foreach (var (id, popReceipt) in messages)
        {
            await IgnoringGoneAsync(queue.UpdateMessageAsync(id, popReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken));
        }
    }

    // Both a queued EmailMessage and a kept FailedEmail carry the account id at the top level; read just that field,
    // since the strict options refuse either shape as the other.
    /// <summary>
    /// The account's last words (deleted, rejected) are queued after the erasure on purpose; an erasure run again by the
    /// outbox's recovery must not take them back, so they are the one kind of the account's email it leaves.
    /// </summary>
    private static readonly HashSet<string> SentAfterTheErasure = [DeletionEmails.Deleted, RegistrationEmails.Rejected];

    private static bool Erases(string text, string accountId)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("accountId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == accountId
                && !(root.TryGetProperty("template", out var template) && template.ValueKind == JsonValueKind.String && SentAfterTheErasure.Contains(template.GetString()!));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // A message the host took or deleted meanwhile (its pop receipt no longer holds) is none of our business any more.
    private static async Task IgnoringGoneAsync(Task work)
    {
        try
        {
            await work;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
        }
    }
}
