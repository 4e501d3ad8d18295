using System.Diagnostics;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Telemetry;

/// <summary>A timer run is one span holding its storage calls, under the trigger's span when the host has one (Functions).</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TimerTraces(TelemetryFixture f)
{
    [Fact]
    public async Task ADeletionSweepRun_IsASpanUnderTheTriggersSpan_WithItsStorageCallsUnderIt()
    {
        var trace = new TraceContext();
        // Stands for the Functions worker's invocation span, current while the trigger calls the job.
        using var trigger = new Activity("timer trigger").SetParentId(trace.Id, trace.CallerSpan, ActivityTraceFlags.Recorded).Start();
        await f.Services.GetRequiredService<DeletionSweep>().RunAsync();
        trigger.Stop();

        var run = await f.Spans.WaitFor(s => s.TraceId == trace.Id && s.DisplayName == "DeletionSweep");
        Assert.Equal(trigger.SpanId, run.ParentSpanId);
        Assert.NotNull(run.GetTagItem("cf.deletions.due"));
        Assert.Contains(f.Spans.InTrace(trace.Id), s => s.ParentSpanId == run.SpanId && s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOutboxBackstopRun_IsASpanUnderTheTriggersSpan_WithItsStorageCallsUnderIt()
    {
        var trace = new TraceContext();
        using var trigger = new Activity("timer trigger").SetParentId(trace.Id, trace.CallerSpan, ActivityTraceFlags.Recorded).Start();
        await f.Services.GetRequiredService<OutboxBackstop>().RunAsync();
        trigger.Stop();

        var run = await f.Spans.WaitFor(s => s.TraceId == trace.Id && s.DisplayName == "OutboxBackstop");
        Assert.Equal(trigger.SpanId, run.ParentSpanId);
        // Its read of the pending markers (and the drains of any it finds) are its children.
        Assert.Contains(f.Spans.InTrace(trace.Id), s => s.ParentSpanId == run.SpanId && s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal));
    }
}
