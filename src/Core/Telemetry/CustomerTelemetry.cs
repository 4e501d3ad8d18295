using System.Diagnostics;

namespace CustomerFunctions.Core.Telemetry;

/// <summary>
/// src/Core's own spans: one per queue message handled and one per timer run. Request spans come from the ASP.NET Core
/// instrumentation and storage spans from the Azure SDK; these fill the gaps neither host sees into.
/// </summary>
public static class CustomerTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="System.Diagnostics.Metrics.Meter"/> of src/Core.</summary>
    public const string Name = "CustomerFunctions";

    internal static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// The current span as a W3C <c>traceparent</c>, for a queue message to carry: a queue keeps no headers, so the
    /// trace context travels in the payload and the handler continues the trace of whoever queued the work.
    /// </summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Starts the span of one queue message: a child of the span that queued it (its <paramref name="traceParent"/>),
    /// linked to the host's own span for the delivery (the Functions invocation), so both traces lead to it. Without a
    /// carried context (a message queued before this version) it is a child of the host's span, if any.
    /// </summary>
    public static Activity? StartQueueMessage(string name, string? traceParent)
    {
        var delivery = Activity.Current;
        if (!ActivityContext.TryParse(traceParent, null, isRemote: true, out var queuedBy))
        {
            return Source.StartActivity(name, ActivityKind.Consumer);
        }
        ActivityLink[]? links = delivery is null ? null : [new ActivityLink(delivery.Context)];
        return Source.StartActivity(name, ActivityKind.Consumer, queuedBy, links: links);
    }

    /// <summary>Starts the span of one timer run: a trace of its own (or a child of the Functions invocation), holding its storage calls.</summary>
    public static Activity? StartTimerRun(string name) => Source.StartActivity(name, ActivityKind.Internal);
}
