using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Hosting;

/// <summary>
/// The work that runs without an HTTP request, declared once like the route table: src/Server registers its queue pumps
/// and timers from these lists, and a test holds src/Functions' queue and timer triggers to them.
/// </summary>
public static class BackgroundWork
{
    public static IReadOnlyList<QueueWork> Queues { get; } =
    [
        QueueWork.For<EmailQueueHandler>("SendEmail", StorageClients.EmailQueueName, (handler, message, dequeueCount, ct) => handler.HandleAsync(message, dequeueCount, ct)),
        QueueWork.For<Outbox>("RecoverOutbox", StorageClients.OutboxQueueName, (outbox, message, _, ct) => outbox.HandleRecoveryMessageAsync(message, ct)),
        QueueWork.For<PartnerMessageFanOut>("FanOutPartnerMessage", StorageClients.PartnerMessageQueueName, (fanOut, message, _, ct) => fanOut.HandleChunkAsync(message, ct)),
    ];

    public static IReadOnlyList<TimerWork> Timers { get; } =
    [
        TimerWork.For<DeletionSweep>("DeletionSweep", DeletionSweep.ScheduleSetting, DeletionSweep.DefaultSchedule, (sweep, ct) => sweep.RunAsync(ct)),
        TimerWork.For<OutboxBackstop>("OutboxBackstop", OutboxBackstop.ScheduleSetting, OutboxBackstop.DefaultSchedule, (backstop, ct) => backstop.RunAsync(ct)),
        TimerWork.For<RegistrationPurge>("RegistrationPurge", RegistrationPurge.ScheduleSetting, RegistrationPurge.DefaultSchedule, (purge, ct) => purge.RunAsync(ct)),
    ];
}
