using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>Send a partner-wide message to each customer the partner manages: starts (or resumes) its fan-out on the queue.</summary>
public sealed record FanOutPartnerMessage(string MessageId) : SideEffect<PartnerMessageFanOut>
{
    public override Task RunAsync(string accountId, PartnerMessageFanOut fanOut, CancellationToken cancellationToken) =>
        fanOut.StartAsync(accountId, MessageId, cancellationToken);
}
