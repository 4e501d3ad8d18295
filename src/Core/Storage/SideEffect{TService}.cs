using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// A side effect carried out by one service, named in its type. The service is resolved when the effect runs, not
/// injected into the outbox: the outbox sits below the features (their stores commit through it).
/// </summary>
public abstract record SideEffect<TService> : SideEffect
    where TService : notnull
{
    public sealed override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        RunAsync(accountId, services.GetRequiredService<TService>(), cancellationToken);

    public abstract Task RunAsync(string accountId, TService service, CancellationToken cancellationToken);
}
