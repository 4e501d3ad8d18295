using CustomerFunctions.Core.Usage;

namespace CustomerFunctions.Tests.Usage;

/// <summary>Which month partitions a report reads (no I/O).</summary>
public sealed class UsagePeriods
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AWholeMonth_ReadsOnlyThatMonth()
    {
        Assert.Equal([Utc(2026, 10, 1)], new UsagePeriod(Utc(2026, 10, 1), Utc(2026, 11, 1)).Months());
    }

    [Fact]
    public void AWindowAcrossTheBoundary_ReadsBothMonths()
    {
        Assert.Equal([Utc(2026, 10, 1), Utc(2026, 11, 1)], new UsagePeriod(Utc(2026, 10, 31, 23), Utc(2026, 11, 1, 1)).Months());
    }

    [Fact]
    public void AYearEnd_RollsOverIntoJanuary()
    {
        Assert.Equal([Utc(2026, 12, 1), Utc(2027, 1, 1), Utc(2027, 2, 1)], new UsagePeriod(Utc(2026, 12, 15), Utc(2027, 2, 2)).Months());
    }

    [Fact]
    public void PartitionKeys_NameTheAccountAndTheMonthThePeriodStartsIn()
    {
        Assert.Equal("acme|2026-10", UsageRecordRow.PartitionKey("acme", Utc(2026, 10, 31, 23)));
        // Months are UTC months: half past midnight in UTC+1 on 1 November is still October.
        Assert.Equal("acme|2026-10", UsageRecordRow.PartitionKey("acme", new DateTimeOffset(2026, 11, 1, 0, 30, 0, TimeSpan.FromHours(1))));
    }
}
