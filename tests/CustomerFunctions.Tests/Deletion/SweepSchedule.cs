using CustomerFunctions.Server;

namespace CustomerFunctions.Tests.Deletion;

/// <summary>The six-field CRON schedule of the hosted timer, as the Functions timer trigger reads it (no I/O).</summary>
public sealed class SweepSchedule
{
    [Fact]
    public void TheDefaultRunsEveryFiveMinutes_OnTheMinute()
    {
        var schedule = CronTimer.Parse("Timers:DeletionSweep", "0 */5 * * * *");
        var next = schedule.GetNextOccurrence(new DateTimeOffset(2026, 11, 2, 9, 1, 30, TimeSpan.Zero), TimeZoneInfo.Utc);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 5, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void SecondsAreTheFirstField()
    {
        var schedule = CronTimer.Parse("Timers:DeletionSweep", "30 0 3 * * *");
        var next = schedule.GetNextOccurrence(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 3, 0, 30, TimeSpan.Zero), next);
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("every five minutes")]
    [InlineData("0 61 * * * *")]
    public void AnExpressionThatIsNotSixFieldCron_FailsStartUp_NamingTheSetting(string expression)
    {
        var e = Assert.Throws<InvalidOperationException>(() => CronTimer.Parse("Timers:DeletionSweep", expression));
        Assert.Contains("Timers:DeletionSweep", e.Message, StringComparison.Ordinal);
    }
}
