using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Telemetry;

namespace CustomerFunctions.Server;

/// <summary>The ASP.NET Core host of src/Core's route table, queue handlers and timers (the local default and a container deployment).</summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Kestrel's own cap sits above the API's 1 MiB so a slightly oversized body still gets a clean 413 problem from src/Core.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 4 * ApiDispatcher.MaxBodyBytes);
        overrides?.Invoke(builder.Services);
        builder.Services.AddCustomerCore(builder.Configuration, builder.Environment.IsDevelopment());
        builder.Services.AddCustomerTelemetry(builder.Configuration);
        builder.Services.AddOptions<QueueOptions>().BindConfiguration("Queues");
        foreach (var queue in BackgroundWork.Queues)
        {
            QueuePump.Register(builder.Services, queue);
        }
        foreach (var timer in BackgroundWork.Timers)
        {
            CronTimer.Register(builder.Services, timer);
        }

        var app = builder.Build();
        var dispatcher = app.Services.GetRequiredService<ApiDispatcher>();
        foreach (var route in ApiRoutes.All)
        {
            app.MapMethods("/api/" + route.Route, [route.Verb], (Delegate)((HttpContext context) => dispatcher.RunAsync(route.Name, context.Request)))
                .WithName(route.Name);
        }
        app.MapGet("/openapi/v1.json", () => Results.Text(OpenApiDocument.Json, "application/json"));
        app.MapGet("/health", () => Results.Text("ok"));
        app.MapFallback((HttpContext context) => ApiError.NotFound($"The route {context.Request.Method} {context.Request.Path}").ToResult());
        return app;
    }
}
