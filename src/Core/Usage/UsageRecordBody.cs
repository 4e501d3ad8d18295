namespace CustomerFunctions.Core.Usage;

/// <summary>One record as the metering feed sends it.</summary>
public sealed record UsageRecordBody(string? Id, string? ProjectId, string? Product, string? Metric, decimal? Quantity, string? Unit, DateTimeOffset? From, DateTimeOffset? To);
