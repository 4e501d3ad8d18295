using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// One kind of row: its key prefix, how keys are built and how rows map to <typeparamref name="T"/>. Declared once in a
/// partition map (<c>AccountPartition</c>, <c>IndexPartitions</c>); every read, query and staged write goes through it.
/// </summary>
public sealed class RowKind<T>(string prefix, RowMapper<T> mapper, Erasure erasure) : IRowKind
{
    public string Prefix => prefix;

    public Erasure Erasure => erasure;

    /// <summary>The RowKey of the row whose own key part is <paramref name="id"/>.</summary>
    public string Key(string id) => prefix + id;

    public TableEntity ToEntity(string partitionKey, T value)
    {
        var entity = mapper.ToEntity(partitionKey, value);
        if (!entity.RowKey.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Row {entity.RowKey} does not start with its kind's prefix {prefix}.");
        }
        return entity;
    }

    public T FromEntity(TableEntity entity) => mapper.FromEntity(entity);

    public bool Owns(string rowKey) => rowKey.StartsWith(prefix, StringComparison.Ordinal);

    public string Range(string partitionKey, string within = "") => Range(partitionKey, within, within);

    /// <summary>The rows from the first one under key part <paramref name="first"/> through the last one under <paramref name="last"/>.</summary>
    public string Range(string partitionKey, string first, string last) => Keys.PrefixRange(partitionKey, prefix + first, prefix + last);

    /// <summary>The storage filter for the rows whose key part lies in [<paramref name="from"/>, <paramref name="to"/>); null leaves that end open.</summary>
    public string Between(string partitionKey, string? from, string? to) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix + from} and RowKey lt {(to is null ? Keys.PrefixEnd(prefix) : prefix + to)}");
}
