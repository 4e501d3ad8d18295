using System.Diagnostics;

namespace CustomerFunctions.Tests.Telemetry;

/// <summary>A caller's W3C trace context: the test sends it as <c>traceparent</c> and finds the server's spans by its trace id.</summary>
public sealed class TraceContext
{
    public ActivityTraceId Id { get; } = ActivityTraceId.CreateRandom();

    public ActivitySpanId CallerSpan { get; } = ActivitySpanId.CreateRandom();

    public Dictionary<string, string> Headers => new() { ["traceparent"] = $"00-{Id}-{CallerSpan}-01" };
}
