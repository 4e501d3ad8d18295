using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>Send a partner-wide message to each customer the partner manages.</summary>
public sealed record FanOutPartnerMessage(string MessageId) : SideEffect<PartnerMessageFanOut>
{
    public override Task RunAsync(string accountId, PartnerMessageFanOut fanOut, CancellationToken cancellationToken) =>
        fanOut.RunAsync(accountId, MessageId, cancellationToken);
}
