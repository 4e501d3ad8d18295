using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Messages;

/// <summary>Write (or tombstone) the inbox rows of a message: for every member, or for one user after their acknowledgement.</summary>
public sealed record SyncMessageInbox(string MessageId, string? OnlyUserId = null) : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<MessageInbox>().SyncAsync(accountId, MessageId, OnlyUserId, cancellationToken);
}
