using Cronos;
using CustomerFunctions.Core.Hosting;

namespace CustomerFunctions.Server;

/// <summary>
/// src/Server's stand-in for the Functions timer trigger: runs a job on a six-field CRON schedule (seconds first, UTC,
/// the format the Functions trigger takes). "Now" and the waiting both come from <see cref="TimeProvider"/>, so tests
/// that move the fake clock past an occurrence make the job run. A run that fails is logged and the schedule goes on.
/// </summary>
public sealed partial class CronTimer(string name, CronExpression schedule, Func<CancellationToken, Task> job, TimeProvider time, ILogger logger)
    : BackgroundService
{
    // Timers can't wait longer than ~49 days at once; a far occurrence is reached in steps.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    /// <summary>The timer's function name.</summary>
    public string Name => name;

    public static CronExpression Parse(string settingKey, string expression)
    {
        try
        {
            return CronExpression.Parse(expression, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException e)
        {
            throw new InvalidOperationException($"{settingKey} must be a six-field CRON expression (second minute hour day month day-of-week); '{expression}' is not: {e.Message}", e);
        }
    }

    /// <summary>Registers one declared timer (<see cref="BackgroundWork.Timers"/>); its schedule is read (and validated, failing start-up) from its setting.</summary>
    public static void Register(IServiceCollection services, TimerWork work) =>
        services.AddSingleton<IHostedService>(sp => new CronTimer(
            work.Name,
            Parse(work.ScheduleSetting, sp.GetRequiredService<IConfiguration>()[work.ScheduleSetting] ?? work.DefaultSchedule),
            ct => work.Run(sp, ct),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<CronTimer>()));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var next = schedule.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc);
        while (next is { } due && !stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (now < due)
            {
                var wait = due - now < LongestWait ? due - now : LongestWait;
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                continue;
            }
            try
            {
                await job(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e, name);
            }
            // Occurrences missed while the job ran (or the clock jumped) collapse into this one run.
            next = schedule.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Timer} failed; it runs again at its next occurrence")]
    private static partial void LogFailed(ILogger logger, Exception exception, string timer);
}
