using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Hosting;

/// <summary>
/// One queue-triggered function: its name, the queue it reads and the src/Core handler each message goes to. src/Server
/// pumps the queue with it; src/Functions declares a <c>[QueueTrigger]</c> with the same name and queue (a test compares them).
/// </summary>
public sealed record QueueWork(string Name, string QueueName, Type Handler, Func<IServiceProvider, string, CancellationToken, Task> Handle)
{
    public static QueueWork For<THandler>(string name, string queueName, Func<THandler, string, CancellationToken, Task> handle)
        where THandler : notnull =>
        new(name, queueName, typeof(THandler), (services, message, cancellationToken) => handle(services.GetRequiredService<THandler>(), message, cancellationToken));
}
