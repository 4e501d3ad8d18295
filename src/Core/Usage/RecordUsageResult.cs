namespace CustomerFunctions.Core.Usage;

public sealed record RecordUsageResult(int Recorded);
