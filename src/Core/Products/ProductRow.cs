using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Products;

/// <summary>Row <c>{product id}</c> of partition <c>catalog</c> in the Settings table.</summary>
public sealed class ProductRow : RowMapper<Product>
{
    public const string Partition = "catalog";

    public override TableEntity ToEntity(string partitionKey, Product value) =>
        new(partitionKey, value.Id) { ["Name"] = value.Name, ["CreatedAt"] = value.CreatedAt, ["UpdatedAt"] = value.UpdatedAt };

    public override Product FromEntity(TableEntity entity) =>
        new(entity.RowKey, entity.GetString("Name") ?? entity.RowKey, entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);
}
