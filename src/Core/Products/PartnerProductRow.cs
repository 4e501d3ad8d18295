using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Products;

/// <summary>Row <c>globalproduct|{product id}</c> of a partner's partition.</summary>
public sealed class PartnerProductRow : RowMapper<PartnerProduct>
{
    public const string Prefix = "globalproduct|";

    public static string Id(string productId) => productId;

    public override TableEntity ToEntity(string partitionKey, PartnerProduct value) => new(partitionKey, Prefix + Id(value.ProductId)) { ["Visible"] = value.Visible };

    public override PartnerProduct FromEntity(TableEntity entity) => new(entity.RowKey[Prefix.Length..], entity.GetBoolean("Visible") ?? false);
}
