using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Hosting;

/// <summary>
/// One timer-triggered function: its name, the setting that holds its six-field CRON schedule (and the schedule used when
/// the setting is absent) and the src/Core job it runs. src/Server runs it on that schedule; src/Functions declares a
/// <c>[TimerTrigger("%setting%")]</c> with the same name and setting (a test compares them).
/// </summary>
public sealed record TimerWork(string Name, string ScheduleSetting, string DefaultSchedule, Type Handler, Func<IServiceProvider, CancellationToken, Task> Run)
{
    public static TimerWork For<THandler>(string name, string scheduleSetting, string defaultSchedule, Func<THandler, CancellationToken, Task> run)
        where THandler : notnull =>
        new(name, scheduleSetting, defaultSchedule, typeof(THandler), (services, cancellationToken) => run(services.GetRequiredService<THandler>(), cancellationToken));
}
