using CustomerFunctions.Core.Storage;
using CustomerFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Core.Registration;

/// <summary>The timer job (<c>Timers:RegistrationPurge</c>) that removes expired pending registrations, spent email send slots and rate counters whose window ended (they hold hashed addresses).</summary>
public sealed partial class RegistrationPurge(RegistrationStore store, RateCounters counters, TimeProvider time, ILogger<RegistrationPurge> logger)
{
    public const string ScheduleSetting = "Timers:RegistrationPurge";
    public const string DefaultSchedule = "0 30 * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        using var activity = CustomerTelemetry.StartTimerRun("RegistrationPurge");
        var now = time.GetUtcNow();
        var purged = await store.PurgeExpiredAsync(now, cancellationToken);
        purged += await counters.PurgeEndedAsync(now, cancellationToken);
        LogPurged(logger, purged);
        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration purge removed {Rows} expired rows.")]
    private static partial void LogPurged(ILogger logger, int rows);
}
