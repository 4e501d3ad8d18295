using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>Write (or tombstone) the inbox rows of a message: for every member, or for one user after their acknowledgement.</summary>
public sealed record SyncMessageInbox(string MessageId, string? OnlyUserId = null) : SideEffect<MessageInbox>
{
    public override Task RunAsync(string accountId, MessageInbox inbox, CancellationToken cancellationToken) =>
        inbox.SyncAsync(accountId, MessageId, OnlyUserId, cancellationToken);
}
