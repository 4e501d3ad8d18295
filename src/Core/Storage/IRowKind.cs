namespace CustomerFunctions.Core.Storage;

/// <summary>A kind of row in a partition, whatever its domain type: what the partition map lists and erasure walks.</summary>
public interface IRowKind
{
    /// <summary>The RowKey prefix every row of the kind starts with (the whole key for single rows such as the profile).</summary>
    string Prefix { get; }

    Erasure Erasure { get; }

    /// <summary>The storage filter for every row of the kind in one partition, optionally narrowed to a longer prefix.</summary>
    string Range(string partitionKey, string within = "");
}
