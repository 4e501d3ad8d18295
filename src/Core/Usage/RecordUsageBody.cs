namespace CustomerFunctions.Core.Usage;

public sealed record RecordUsageBody(IReadOnlyList<UsageRecordBody?>? Records);
