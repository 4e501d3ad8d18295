using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Messages;

/// <summary>Send a partner-wide message to each customer the partner manages.</summary>
public sealed record FanOutPartnerMessage(string MessageId) : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PartnerMessageFanOut>().RunAsync(accountId, MessageId, cancellationToken);
}
