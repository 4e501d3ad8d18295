using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Core.Registration;

/// <summary>The timer job (<c>Timers:RegistrationPurge</c>) that removes expired pending registrations and spent email send slots.</summary>
public sealed partial class RegistrationPurge(RegistrationStore store, TimeProvider time, ILogger<RegistrationPurge> logger)
{
    public const string ScheduleSetting = "Timers:RegistrationPurge";
    public const string DefaultSchedule = "0 30 * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var purged = await store.PurgeExpiredAsync(time.GetUtcNow(), cancellationToken);
        LogPurged(logger, purged);
        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration purge removed {Rows} expired rows.")]
    private static partial void LogPurged(ILogger logger, int rows);
}
