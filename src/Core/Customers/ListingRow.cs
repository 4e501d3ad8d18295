using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>
/// Row <c>{account id}</c> of a listing partition of the index (<c>accounts</c>, <c>partner|{id}</c>): a copy of the
/// profile's columns (<see cref="AccountRow"/>) beside the index's own <c>Version</c> and <c>Removed</c>.
/// </summary>
public sealed class ListingRow : RowMapper<Account>
{
    public static readonly ListingRow Instance = new();

    /// <summary>The live row as <see cref="IndexTable.WriteAsync"/> leaves it.</summary>
    public override TableEntity ToEntity(string partitionKey, Account value)
    {
        var row = AccountRow.With(new TableEntity(partitionKey, value.Id), value);
        row["Removed"] = false;
        return row;
    }

    public override Account FromEntity(TableEntity entity) => AccountRow.Read(entity, entity.RowKey);
}
