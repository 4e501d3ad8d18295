using System.Globalization;
using Azure.Data.Tables;

namespace CustomerFunctions.Core.Usage;

/// <summary>One metered quantity of one product used by one project over a period [From, To).</summary>
public sealed record UsageRecord(string Id, string ProjectId, string Product, string Metric, decimal Quantity, string Unit, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>
    /// A month of one account is one partition, so a monthly report is a single-partition query. A record lives in the
    /// month its period starts in, keyed by its id: a replayed record lands on the same row and is never counted twice.
    /// </summary>
    public static string PartitionKey(string accountId, DateTimeOffset monthOf) =>
        accountId + "|" + monthOf.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public TableEntity ToEntity(string accountId, DateTimeOffset recordedAt) => new(PartitionKey(accountId, From), Id)
    {
        ["ProjectId"] = ProjectId,
        ["Product"] = Product,
        ["Metric"] = Metric,
        // Table Storage has no decimal: a double keeps the 15 significant digits the API accepts, and the report converts back.
        ["Quantity"] = (double)Quantity,
        ["Unit"] = Unit,
        ["From"] = From.ToUniversalTime(),
        ["To"] = To.ToUniversalTime(),
        ["RecordedAt"] = recordedAt,
    };
}
