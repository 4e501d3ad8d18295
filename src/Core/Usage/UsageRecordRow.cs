using System.Globalization;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Usage;

/// <summary>Row <c>{record id}</c> of partition <c>{account id}|{yyyy-MM}</c> in the UsageRecords table.</summary>
public sealed class UsageRecordRow : RowMapper<UsageRecord>
{
    /// <summary>What a total needs of a row: reports read only these columns.</summary>
    public static readonly IReadOnlyList<string> AmountColumns = ["ProjectId", "Product", "Unit", "Quantity"];

    /// <summary>
    /// A month of one account is one partition, so a monthly report is a single-partition query. A record lives in the
    /// month its period starts in (a UTC month).
    /// </summary>
    public static string PartitionKey(string accountId, DateTimeOffset monthOf) =>
        accountId + "|" + monthOf.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public override TableEntity ToEntity(string partitionKey, UsageRecord value) => new(partitionKey, value.Id)
    {
        ["ProjectId"] = value.ProjectId,
        ["Product"] = value.Product,
        ["Metric"] = value.Metric,
        // Table Storage has no decimal: a double keeps the 15 significant digits the API accepts, and the report converts back.
        ["Quantity"] = (double)value.Quantity,
        ["Unit"] = value.Unit,
        ["From"] = value.From.ToUniversalTime(),
        ["To"] = value.To.ToUniversalTime(),
        ["RecordedAt"] = value.RecordedAt,
    };

    /// <summary>Columns a query did not select come back empty.</summary>
    public override UsageRecord FromEntity(TableEntity entity) => new(
        entity.RowKey ?? "",
        entity.GetString("ProjectId") ?? "",
        entity.GetString("Product") ?? "",
        entity.GetString("Metric") ?? "",
        (decimal)(entity.GetDouble("Quantity") ?? 0),
        entity.GetString("Unit") ?? "",
        entity.GetDateTimeOffset("From") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("To") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("RecordedAt"));
}
