using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Server;

/// <summary>
/// src/Server's stand-in for the Functions queue trigger: polls a queue, hands each message to its src/Core handler,
/// deletes it on success, leaves it to reappear on failure, and moves it to the poison queue after too many tries.
/// </summary>
public sealed partial class QueuePump(string name, QueueClient queue, QueueClient poison, Func<string, long, CancellationToken, Task> handle, QueueOptions options, ILogger logger)
    : BackgroundService
{
    /// <summary>The queue it pumps.</summary>
    public string Name => name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await PumpOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(logger, e, name);
            }
            if (handled == 0)
            {
                try
                {
                    await Task.Delay(options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async Task<int> PumpOnceAsync(CancellationToken cancellationToken)
    {
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(options.BatchSize, options.VisibilityTimeout, cancellationToken);
        await Parallel.ForEachAsync(messages, cancellationToken, async (message, ct) =>
        {
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                // Kept until someone acts on it: the default time-to-live would drop it after 7 days.
                await poison.SendMessageAsync(message.Body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                LogPoisoned(logger, name, message.MessageId, message.DequeueCount);
                return;
            }
            try
            {
                await handle(message.Body.ToString(), message.DequeueCount, ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                LogHandlerFailed(logger, e, name, message.MessageId, message.DequeueCount);
            }
        });
        return messages.Length;
    }

    /// <summary>Registers the pump of one declared queue (<see cref="BackgroundWork.Queues"/>); failed messages go to "{queue}-poison", as under the Functions host.</summary>
    public static void Register(IServiceCollection services, QueueWork work) =>
        services.AddSingleton<IHostedService>(sp =>
        {
            var storage = sp.GetRequiredService<StorageClients>();
            return new QueuePump(
                work.QueueName,
                storage.AllQueues.Single(q => q.Name == work.QueueName),
                storage.AllQueues.Single(q => q.Name == work.QueueName + "-poison"),
                (text, dequeueCount, ct) => work.Handle(sp, text, dequeueCount, ct),
                sp.GetRequiredService<IOptions<QueueOptions>>().Value,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<QueuePump>());
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue {Queue} failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} message {MessageId} failed on try {DequeueCount}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string queue, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Queue} message {MessageId} moved to the poison queue after {DequeueCount} tries")]
    private static partial void LogPoisoned(ILogger logger, string queue, string messageId, long dequeueCount);
}
