using System.Diagnostics;

namespace CustomerFunctions.Bench;

public sealed record OperationResult(
    string Name, double P50, double P99, double OpsAt1, double? OpsAt16, double RequestsPerOp, double RawP50, double RawRequestsPerOp, int Samples, int ConcurrentOps, string? Note)
{
    public double Ratio => P50 / RawP50;
}

/// <summary>Runs one operation: warm-up, the one-client pass interleaved with the raw baseline, then 16 clients.</summary>
public static class Measurement
{
    public static async Task<OperationResult> RunAsync(Operation op, BenchHost host, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        await op.SetupAsync();
        log($"  set up in {watch.Elapsed.TotalSeconds:F1} s");

        foreach (var call in (await op.ApiCallsAsync(Operation.Sequential, op.Warmup)).Concat(await op.RawCallsAsync(op.Warmup)))
        {
            await op.BeforeCallAsync();
            await call();
        }

        // One client: API call i, then raw call i, so both see the same data sizes as the run goes on.
        var api = await op.ApiCallsAsync(Operation.Sequential, op.Iterations);
        var raw = await op.RawCallsAsync(op.Iterations);
        var apiTimes = new List<double>();
        var rawTimes = new List<double>();
        long apiRequests = 0, rawRequests = 0;
        for (var i = 0; i < api.Count; i++)
        {
            await op.BeforeCallAsync();
            var before = host.ServerCounter.Total;
            var started = Stopwatch.GetTimestamp();
            await api[i]();
            apiTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            apiRequests += host.ServerCounter.Total - before;

            await op.BeforeCallAsync();
            before = host.RawCounter.Total;
            started = Stopwatch.GetTimestamp();
            await raw[i]();
            rawTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            rawRequests += host.RawCounter.Total - before;
        }

        double? opsAt16 = null;
        var concurrentOps = 0;
        if (op.PerClient > 0)
        {
            var lanes = new List<IReadOnlyList<Func<Task>>>();
            for (var lane = 0; lane < 16; lane++)
            {
                lanes.Add(await op.ApiCallsAsync(lane, op.PerClient));
            }
            concurrentOps = lanes.Sum(l => l.Count);
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(lanes.Select(async calls =>
            {
                foreach (var call in calls)
                {
                    await call();
                }
            }));
            opsAt16 = concurrentOps / Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        var p50 = Percentile(apiTimes, 50);
        var result = new OperationResult(
            op.Name, p50, Percentile(apiTimes, 99), 1000 * apiTimes.Count / apiTimes.Sum(), opsAt16,
            (double)apiRequests / apiTimes.Count, Percentile(rawTimes, 50), (double)rawRequests / rawTimes.Count, apiTimes.Count, concurrentOps, op.Note);
        log($"  done in {watch.Elapsed.TotalSeconds:F1} s: p50 {result.P50:F1} ms, raw p50 {result.RawP50:F1} ms, requests {result.RequestsPerOp:F1} (raw {result.RawRequestsPerOp:F1})");
        return result;
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
