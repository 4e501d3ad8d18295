using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace CustomerFunctions.Core.Storage;

/// <summary>The singleton, thread-safe storage clients: tables and queues, created once at start-up.</summary>
public sealed class StorageClients(TableServiceClient tables, QueueServiceClient queues)
{
    public const string EmailQueueName = "emails";
    public const string OutboxQueueName = "outbox";
    public const string PartnerMessageQueueName = "partner-messages";

    /// <summary>One partition per account: profile, members, invitations, projects, history, outbox rows.</summary>
    public TableClient Accounts { get; } = tables.GetTableClient("Accounts");

    /// <summary>Derived cross-account lookups, one question per partition.</summary>
    public TableClient Index { get; } = tables.GetTableClient("AccountIndex");

    /// <summary>Operator settings and service keys.</summary>
    public TableClient Settings { get; } = tables.GetTableClient("Settings");

    /// <summary>One row per email sent, so a redelivered queue message sends nothing twice.</summary>
    public TableClient SentEmails { get; } = tables.GetTableClient("SentEmails");

    public TableServiceClient TableService => tables;

    public QueueClient EmailQueue { get; } = queues.GetQueueClient(EmailQueueName);
    public QueueClient EmailPoisonQueue { get; } = queues.GetQueueClient(EmailQueueName + "-poison");
    public QueueClient OutboxQueue { get; } = queues.GetQueueClient(OutboxQueueName);
    public QueueClient OutboxPoisonQueue { get; } = queues.GetQueueClient(OutboxQueueName + "-poison");

    /// <summary>Chunks of a partner-wide message's fan-out, one bounded page of customers each.</summary>
    public QueueClient PartnerMessageQueue { get; } = queues.GetQueueClient(PartnerMessageQueueName);
    public QueueClient PartnerMessagePoisonQueue { get; } = queues.GetQueueClient(PartnerMessageQueueName + "-poison");

    public IEnumerable<TableClient> AllTables => [Accounts, Index, Settings, SentEmails, .. ExtraTables];
    public IEnumerable<QueueClient> AllQueues => [EmailQueue, EmailPoisonQueue, OutboxQueue, OutboxPoisonQueue, PartnerMessageQueue, PartnerMessagePoisonQueue];

    /// <summary>Tables owned by features (usage records and so on), registered by name.</summary>
    public List<TableClient> ExtraTables { get; } = [];

    public TableClient Table(string name)
    {
        var client = tables.GetTableClient(name);
        ExtraTables.Add(client);
        return client;
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in AllTables)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
        foreach (var queue in AllQueues)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
