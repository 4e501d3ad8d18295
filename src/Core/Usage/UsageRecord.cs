namespace CustomerFunctions.Core.Usage;

/// <summary>
/// One metered quantity of one product used by one project over a period [From, To). Its id makes a replayed record
/// land on the same row, so it is never counted twice; <see cref="RecordedAt"/> is set when it is stored.
/// </summary>
public sealed record UsageRecord(
    string Id, string ProjectId, string Product, string Metric, decimal Quantity, string Unit, DateTimeOffset From, DateTimeOffset To, DateTimeOffset? RecordedAt = null);
