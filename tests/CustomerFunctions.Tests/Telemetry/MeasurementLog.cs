using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CustomerFunctions.Core.Telemetry;

namespace CustomerFunctions.Tests.Telemetry;

/// <summary>
/// Listens to one server's CustomerFunctions meter: instruments are told apart by the <see cref="IMeterFactory"/> that
/// made them, so counters of the other test servers in the process never count here.
/// </summary>
public sealed class MeasurementLog : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> measurements = new();

    public MeasurementLog(IMeterFactory serverMeters)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CustomerTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, serverMeters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
    }

    /// <summary>The sum of an instrument's measurements whose tags include all of <paramref name="tags"/>.</summary>
    public long Sum(string instrument, params (string Key, object Value)[] tags) =>
        measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value))).Sum(m => m.Value);

    public void Dispose() => listener.Dispose();
}
