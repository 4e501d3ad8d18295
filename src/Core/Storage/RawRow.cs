using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>Rows handled as plain entities by machinery (outbox, idempotency records), not by a domain type.</summary>
public sealed class RawRow : RowMapper<TableEntity>
{
    public static readonly RawRow Instance = new();

    public override TableEntity ToEntity(string partitionKey, TableEntity value) =>
        value.PartitionKey == partitionKey ? value : throw new InvalidOperationException($"Row {value.RowKey} belongs to {value.PartitionKey}, not {partitionKey}.");

    public override TableEntity FromEntity(TableEntity entity) => entity;
}
