using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace CustomerFunctions.Tests.Telemetry;

/// <summary>
/// The in-memory exporter's target. It keeps every span the process ends (every test server's, as OpenTelemetry listens
/// process-wide), so tests pick theirs by trace id; concurrent, because the test reads while the server writes.
/// </summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly ConcurrentQueue<Activity> spans = new();

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => spans.Where(s => s.TraceId == traceId).ToList();

    /// <summary>Waits for a span to end (queue handlers end theirs after the HTTP answer).</summary>
    public async Task<Activity> WaitFor(Func<Activity, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (spans.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, "The expected span did not end in time.");
            await Task.Delay(100);
        }
    }

    public int Count => spans.Count;

    public bool IsReadOnly => false;

    public void Add(Activity item) => spans.Enqueue(item);

    public void Clear() => spans.Clear();

    public bool Contains(Activity item) => spans.Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => spans.CopyTo(array, arrayIndex);

    public bool Remove(Activity item) => throw new NotSupportedException();

    public IEnumerator<Activity> GetEnumerator() => spans.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
