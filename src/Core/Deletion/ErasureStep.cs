using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>What one erasure does to one kind of row: keep, delete, or scrub with <see cref="Scrubber"/>.</summary>
public sealed record ErasureStep(IRowKind Kind, Erasure Erasure, Scrubber? Scrubber);
