using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// Keeps this instance's sends under <c>Email:RateLimit</c> per <c>Email:RateWindow</c> (a sliding window; 0 = no limit),
/// so a burst of queued emails does not run into the provider's quota. An email over the limit waits on the queue.
/// </summary>
public sealed class EmailRateLimit(IOptions<EmailOptions> options, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> recent = new();
    private readonly Lock gate = new();

    public bool TryAcquire(out TimeSpan retryAfter)
    {
        var (limit, window) = (options.Value.RateLimit, options.Value.RateWindow);
        retryAfter = TimeSpan.Zero;
        if (limit <= 0)
        {
            return true;
        }
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (recent.Count > 0 && now - recent.Peek() >= window)
            {
                recent.Dequeue();
            }
            if (recent.Count < limit)
            {
                recent.Enqueue(now);
                return true;
            }
            retryAfter = recent.Peek() + window - now;
            return false;
        }
    }
}
