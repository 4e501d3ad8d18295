using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>A mapper from two functions, for kinds whose domain type still maps itself (each moves to its own XRow).</summary>
public sealed class DelegateRowMapper<T>(Func<string, T, TableEntity> toEntity, Func<TableEntity, T> fromEntity) : RowMapper<T>
{
    public override TableEntity ToEntity(string partitionKey, T value) => toEntity(partitionKey, value);

    public override T FromEntity(TableEntity entity) => fromEntity(entity);
}
