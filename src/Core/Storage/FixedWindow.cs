namespace CustomerFunctions.Core.Storage;

/// <summary>
/// A fixed-window count: <see cref="Count"/> takes since <see cref="Start"/>. A window ends <c>length</c> after its start;
/// the first take after that opens a new one. Fixed rather than sliding so one small row per key holds the whole state.
/// </summary>
public readonly record struct FixedWindow(DateTimeOffset Start, int Count)
{
    public static readonly FixedWindow Empty = new(DateTimeOffset.MinValue, 0);

    /// <summary>
    /// Takes one from the window in force at <paramref name="now"/>: the window after the take, or, when
    /// <paramref name="limit"/> takes were made already, how long until the window ends.
    /// </summary>
    public (FixedWindow Next, TimeSpan? RetryAfter) Take(DateTimeOffset now, TimeSpan length, int limit)
    {
        var current = Start == DateTimeOffset.MinValue || now >= Start + length || now < Start ? new FixedWindow(now, 0) : this;
        if (current.Count >= limit)
        {
            return (this, current.Start + length - now);
        }
        return (current with { Count = current.Count + 1 }, null);
    }
}
