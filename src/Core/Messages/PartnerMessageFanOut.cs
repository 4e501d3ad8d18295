using System.Text.Json;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Core.Messages;

/// <summary>
/// Delivers a partner-wide message from the <c>partner-messages</c> queue, one bounded page of the partner's customers
/// (from its listing in the index) per message, never inside the HTTP request. Each delivery is an ordinary
/// per-customer command with its own MESSAGE_SENT event and inbox effect, and the message keeps one id everywhere, so
/// a retried chunk skips the customers that already have it. The cursor (<see cref="FanOutProgress"/>) makes the
/// fan-out resumable: the next chunk is queued before the cursor moves, so a crash repeats a page but never loses one.
/// </summary>
public sealed partial class PartnerMessageFanOut(
    AccountStore accounts, IndexTable index, FanOutProgress progress, StorageClients storage, FaultInjection faults, ILogger<PartnerMessageFanOut> logger)
{
    /// <summary>Customers per chunk: a chunk's storage requests stay in the hundreds, well within one queue message's time.</summary>
    public const int ChunkSize = 25;

    private const int MaxAttempts = 8;
    private const int ParallelDeliveries = 4;

    /// <summary>The outbox effect: queue the chunk the fan-out stands at (the first, or where an interrupted one stopped).</summary>
    public async Task StartAsync(string partnerId, string messageId, CancellationToken cancellationToken)
    {
        var state = await progress.StartAsync(partnerId, messageId, cancellationToken);
        if (!state.Done)
        {
            await QueueAsync(new FanOutChunk(partnerId, messageId, state.Cursor), cancellationToken);
        }
    }

    /// <summary>The queue handler: deliver one page of customers, queue the next, move the cursor.</summary>
    public async Task HandleChunkAsync(string messageText, CancellationToken cancellationToken)
    {
        faults.At(FaultInjection.BeforeFanOutChunk);
        var chunk = JsonSerializer.Deserialize<FanOutChunk>(messageText, Json.Options);
        if (chunk is null || !Keys.IsIdentifier(chunk.PartnerId) || !Message.IsValidId(chunk.MessageId))
        {
            LogBadMessage(logger);
            return;
        }
        using var activity = CustomerTelemetry.StartQueueMessage("FanOutPartnerMessage", chunk.TraceParent);
        activity?.SetTag("cf.account.id", chunk.PartnerId);
        // A copy of a chunk the fan-out has moved past (or a fan-out that finished) has nothing left to do.
        if (await progress.ReadAsync(chunk.PartnerId, chunk.MessageId, cancellationToken) is not { Done: false } state || state.Cursor != chunk.Cursor)
        {
            return;
        }
        if (await accounts.ReadAsync(chunk.PartnerId, AccountPartition.PartnerMessages, PartnerMessageRow.Id(chunk.MessageId), cancellationToken) is not { } stored)
        {
            return;
        }
        var message = stored.Value.ToCustomers();
        var customers = await index.LiveRowKeysAfterAsync(IndexTable.PartnerCustomers(chunk.PartnerId), chunk.Cursor, ChunkSize, cancellationToken);
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = ParallelDeliveries, CancellationToken = cancellationToken },
            async (customerId, ct) => await DeliverAsync(chunk.PartnerId, customerId, message, ct));
        var more = customers.Count == ChunkSize;
        if (more)
        {
            await QueueAsync(chunk with { Cursor = customers[^1] }, cancellationToken);
        }
        await progress.AdvanceAsync(chunk.PartnerId, chunk.MessageId, state, customers.Count > 0 ? customers[^1] : chunk.Cursor, done: !more, cancellationToken);
        LogChunk(logger, chunk.PartnerId, chunk.MessageId, customers.Count);
    }

    private async Task QueueAsync(FanOutChunk chunk, CancellationToken cancellationToken) =>
        await storage.PartnerMessageQueue.SendMessageAsync(JsonSerializer.Serialize(chunk with { TraceParent = CustomerTelemetry.CurrentTraceParent() }, Json.Options), cancellationToken);

    private async Task DeliverAsync(string partnerId, string customerId, Message message, CancellationToken cancellationToken)
    {
        var sender = new Caller(message.SentBy.UserId, null, message.SentBy.Name, IsOperator: true);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var session = await accounts.OpenAsync(customerId, null, sender);
                // The index is derived data: the customer's own profile decides whether it is still this partner's.
                if (session.Account is not { Kind: AccountKind.Customer, IsDeleted: false } account || account.PartnerId != partnerId)
                {
                    return;
                }
                if (await session.ReadAsync(AccountPartition.Messages, MessageRow.Id(message.Id)) is not null)
                {
                    return;
                }
                MessageDelivery.Stage(session, message);
                await session.CommitAsync(ApiResponse.NoContent());
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(2, 10 * attempt), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner {PartnerId} message {MessageId}: a chunk of {Count} customers delivered")]
    private static partial void LogChunk(ILogger logger, string partnerId, string messageId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a malformed partner-message chunk")]
    private static partial void LogBadMessage(ILogger logger);
}
