using System.Globalization;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Row <c>{due ticks:D19}|{account id}</c> of the due-deletions partition: sorted by due time, so "due by now" is one range.</summary>
public sealed class DueDeletionRow : RowMapper<DueDeletion>
{
    private const int TicksLength = 19;

    public static string Key(DateTimeOffset dueAt, string accountId) => TicksKey(dueAt.UtcTicks) + "|" + accountId;

    /// <summary>The first key after every row due at or before <paramref name="at"/>.</summary>
    public static string KeyAfter(DateTimeOffset at) => TicksKey(at.UtcTicks + 1);

    public override TableEntity ToEntity(string partitionKey, DueDeletion value) => new(partitionKey, Key(value.DueAt, value.AccountId))
    {
        ["AccountId"] = value.AccountId,
        ["DueAt"] = value.DueAt,
    };

    // The due time is also in the key: rows written without the property (or read with a select) still say when they fall due.
    public override DueDeletion FromEntity(TableEntity entity) => new(
        entity.GetString("AccountId") ?? "",
        entity.GetDateTimeOffset("DueAt") ?? DueAtOf(entity.RowKey));

    private static DateTimeOffset DueAtOf(string rowKey) =>
        rowKey.Length >= TicksLength && long.TryParse(rowKey.AsSpan(0, TicksLength), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : DateTimeOffset.MinValue;

    private static string TicksKey(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);
}
