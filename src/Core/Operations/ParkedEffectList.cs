using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Operations;

public sealed record ParkedEffectList(IReadOnlyList<ParkedEffect> Items, string? ContinuationToken);
