namespace CustomerFunctions.Server;

/// <summary>How src/Server's queue pumps poll (the <c>Queues</c> settings section).</summary>
public sealed class QueueOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public int MaxDequeueCount { get; set; } = 5;
    public int BatchSize { get; set; } = 8;
}
