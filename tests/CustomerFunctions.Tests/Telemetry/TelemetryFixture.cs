using CustomerFunctions.Tests.Emails;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace CustomerFunctions.Tests.Telemetry;

/// <summary>src/Server with its telemetry wiring as deployed, plus an in-memory span exporter and a log sink.</summary>
public sealed class TelemetryFixture : ServiceFixture
{
    public SpanCollection Spans { get; } = new();

    public LogSink Logs { get; } = new();

    // Information everywhere, ASP.NET Core's own request logs included: the most an operator would turn on in production.
    protected override IEnumerable<(string Key, string Value)> Settings() =>
    [
        ("Logging:LogLevel:Default", "Information"),
        ("Logging:LogLevel:Microsoft.AspNetCore", "Information"),
    ];

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(Logs);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
    }
}
