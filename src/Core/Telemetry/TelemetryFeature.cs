using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CustomerFunctions.Core.Telemetry;

/// <summary>
/// Traces and metrics for both hosts: <see cref="AddTelemetry"/> (called by AddCustomerCore) registers the counters
/// src/Core writes to; <see cref="AddCustomerTelemetry"/> (each host's Program, once) collects and exports them.
/// </summary>
public static class TelemetryFeature
{
    /// <summary>The Azure SDK emits its spans through an ActivitySource only behind this switch (it is still "experimental").</summary>
    public const string AzureActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    public const string ServiceName = "customer-functions";

    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        // ASP.NET Core's "Request starting/finished" lines quote the query string, where an email address can be (a
        // search, a mistaken link); the request span has the same facts with the query redacted. Its warnings stay.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        services.AddMetrics();
        services.TryAddSingleton<CustomerMetrics>();
        return services;
    }

    /// <summary>
    /// A span per request (ASP.NET Core) with its storage calls as children (Azure SDK), src/Core's queue and timer
    /// spans and counters, exported to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set,
    /// to OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and to the console when <c>Telemetry:Console</c> is true.
    /// Spans are recorded even with no exporter, so the W3C context still flows into queue messages and logs.
    /// </summary>
    public static IOpenTelemetryBuilder AddCustomerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // Also set in the hosts' project files (read at process start): Azure.Core reads it once, on its first call.
        AppContext.SetSwitch(AzureActivitySourceSwitch, true);
        services.AddTelemetry();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(CustomerTelemetry.Name)
                .AddSource("Azure.*")
                // Query strings are redacted by the instrumentation; headers (the bearer token) are never recorded.
                .AddAspNetCoreInstrumentation(o => o.RecordException = false))
            .WithMetrics(metrics => metrics
                .AddMeter(CustomerTelemetry.Name)
                .AddAspNetCoreInstrumentation());

        if (configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 } connectionString)
        {
            telemetry.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = connectionString;
                o.Credential = AzureMonitorCredential(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
            });
        }
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Reads OTEL_EXPORTER_OTLP_* itself (endpoint, protocol, headers).
            telemetry.UseOtlpExporter();
        }
        if (configuration.GetValue<bool>("Telemetry:Console"))
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }
        return telemetry;
    }

    /// <summary>
    /// Application Insights refuses local (key-only) ingestion in our Bicep; the app then signs in as the identity
    /// named by <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>Authorization=AAD;ClientId=...</c>), as the Functions host does.
    /// </summary>
    internal static TokenCredential? AzureMonitorCredential(string? authenticationString)
    {
        var parts = (authenticationString ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
