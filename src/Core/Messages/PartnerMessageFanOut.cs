using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Core.Messages;

/// <summary>
/// Delivers a partner-wide message: one ordinary per-customer command for each customer the partner manages (from the
/// partner's listing in the index), each its own transaction with its own MESSAGE_SENT event and inbox effect. The
/// message keeps one id everywhere, so a rerun after a crash skips the customers that already have it.
/// </summary>
public sealed partial class PartnerMessageFanOut(AccountStore accounts, IndexTable index, ILogger<PartnerMessageFanOut> logger)
{
    private const int MaxAttempts = 8;

    public async Task RunAsync(string partnerId, Message message, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexTable.PartnerCustomers(partnerId)} and Removed eq false");
        var delivered = 0;
        await foreach (var row in index.Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (await DeliverAsync(partnerId, row.RowKey, message, cancellationToken))
            {
                delivered++;
            }
        }
        LogFannedOut(logger, partnerId, message.Id, delivered);
    }

    private async Task<bool> DeliverAsync(string partnerId, string customerId, Message message, CancellationToken cancellationToken)
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
                    return false;
                }
                var existing = await session.Table.GetEntityIfExistsAsync<TableEntity>(customerId, Message.RowKey(message.Id), cancellationToken: cancellationToken);
                if (existing.HasValue)
                {
                    return false;
                }
                MessageEndpoints.Stage(session, message);
                await session.CommitAsync(ApiResponse.NoContent());
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(2, 10 * attempt), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner {PartnerId} message {MessageId} delivered to {Count} customers")]
    private static partial void LogFannedOut(ILogger logger, string partnerId, string messageId, int count);
}

/// <summary>Send a partner-wide message to each customer the partner manages.</summary>
public sealed record FanOutPartnerMessage(string MessageId) : SideEffect
{
    public override async Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<StorageClients>();
        var row = await storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, MessageEndpoints.PartnerMessageRowKey(MessageId), cancellationToken: cancellationToken);
        if (row.HasValue)
        {
            await services.GetRequiredService<PartnerMessageFanOut>().RunAsync(accountId, Message.FromEntity(row.Value!), cancellationToken);
        }
    }
}
