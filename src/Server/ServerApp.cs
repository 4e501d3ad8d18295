using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Hosting;
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
        var panelIndex = PanelFiles.Use(app);
        // Routing after the panel's static files, so a built file is served before the catch-all route could match it.
        app.UseRouting();
        var dispatcher = app.Services.GetRequiredService<ApiDispatcher>();
        foreach (var route in ApiRoutes.All)
        {
            app.MapMethods("/api/" + route.Route, [route.Verb], (Delegate)((HttpContext context) => dispatcher.RunAsync(route.Name, context.Request)))
                .WithName(route.Name);
        }
        // The OpenAPI document, /docs, /health and the problem-details 404 for everything else: the same code src/Functions'
        // catch-all function runs (a catch-all pattern, unlike MapFallback's, also takes paths with a file extension);
        // in Development, the panel's index.html for the panel's own routes.
        app.Map("/{**path}", (HttpContext context) => panelIndex is not null && PanelFiles.IsPanelRoute(context.Request)
            ? Results.File(panelIndex, "text/html; charset=utf-8")
            : HostRoutes.Answer(context.Request));
        return app;
    }
}
