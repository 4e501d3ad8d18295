using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Hosting;

/// <summary>
/// One queue-triggered function: its name, the queue it reads and the src/Core handler each message goes to. src/Server
/// pumps the queue with it; src/Functions declares a <c>[QueueTrigger]</c> with the same name and queue (a test compares them).
/// </summary>
/// The handler is given the message and its dequeue count (1 on the first try).
public sealed record QueueWork(string Name, string QueueName, Type Handler, Func<IServiceProvider, string, long, CancellationToken, Task> Handle)
{
    public static QueueWork For<THandler>(string name, string queueName, Func<THandler, string, long, CancellationToken, Task> handle)
        where THandler : notnull =>
        new(name, queueName, typeof(THandler), (services, message, dequeueCount, cancellationToken) => handle(services.GetRequiredService<THandler>(), message, dequeueCount, cancellationToken));
}
