using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CustomerFunctions.Core.Registration;

/// <summary>
/// A sliding one-hour window of registration attempts per client address. It lives in memory, so each instance counts
/// on its own (a scaled-out app allows that many per instance); the durable, shared cap is the per-email one in
/// <see cref="RegistrationStore"/>, which is what protects inboxes.
/// </summary>
public sealed class AddressRateLimiter(TimeProvider time, IConfiguration configuration)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly RegistrationOptions options = RegistrationOptions.From(configuration);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> attempts = new(StringComparer.Ordinal);
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    /// <summary>The address a request counts against: the trusted front end's header when configured, else the connection's.</summary>
    public string ClientAddress(HttpContext context)
    {
        if (!string.IsNullOrEmpty(options.ClientAddressHeader))
        {
            var forwarded = context.Request.Headers[options.ClientAddressHeader].ToString();
            var last = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            if (!string.IsNullOrEmpty(last))
            {
                return last;
            }
        }
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>Counts an attempt. Returns null when allowed, else how long until the address may try again.</summary>
    public TimeSpan? TryAcquire(string address)
    {
        var now = time.GetUtcNow();
        SweepIdle(now);
        var queue = attempts.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && queue.Peek() + Window <= now)
            {
                queue.Dequeue();
            }
            if (queue.Count >= options.PerAddressPerHour)
            {
                return queue.Peek() + Window - now;
            }
            queue.Enqueue(now);
            return null;
        }
    }

    /// <summary>Drops addresses with no attempt in the window, at most once a minute, so memory stays bounded.</summary>
    private void SweepIdle(DateTimeOffset now)
    {
        if (now < nextSweep)
        {
            return;
        }
        nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var (address, queue) in attempts)
        {
            lock (queue)
            {
                if (queue.Count == 0 || queue.Last() + Window <= now)
                {
                    attempts.TryRemove(address, out _);
                }
            }
        }
    }
}
