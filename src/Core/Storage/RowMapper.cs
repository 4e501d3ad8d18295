using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>Turns one domain type into its table row and back: the only code that knows the row's property names.</summary>
public abstract class RowMapper<T>
{
    /// <summary>The row for <paramref name="value"/> in partition <paramref name="partitionKey"/>, with its full RowKey.</summary>
    public abstract TableEntity ToEntity(string partitionKey, T value);

    public abstract T FromEntity(TableEntity entity);
}
