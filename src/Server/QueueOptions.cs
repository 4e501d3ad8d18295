namespace CustomerFunctions.Server;

/// <summary>
/// How src/Server's queue pumps poll (the <c>Queues</c> settings section). The defaults are host.json's
/// <c>extensions.queues</c> on purpose, so both hosts try, wait and give up alike (a test compares them):
/// <c>maxDequeueCount</c>, <c>visibilityTimeout</c> (how long a failed message waits before its next try),
/// <c>batchSize</c> and <c>maxPollingInterval</c> (the longest an idle queue goes unread). docs/design-notes.md
/// ("Queue settings in both hosts") lists what differs by construction.
/// </summary>
public sealed class QueueOptions
{
    /// <summary>host.json <c>maxPollingInterval</c>: the Functions host backs off up to it on an idle queue; the pump waits it between empty polls.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>host.json <c>visibilityTimeout</c>: a failed message comes back after it. The pump also receives with it, so it bounds a handler's run before the message shows again.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>host.json <c>maxDequeueCount</c>: tries before the message moves to "{queue}-poison" (and <c>Email:MaxAttempts</c>, the email handler's last try).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>host.json <c>batchSize</c>: messages received and handled at once.</summary>
    public int BatchSize { get; set; } = 4;
}
