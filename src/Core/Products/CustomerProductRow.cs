using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Products;

/// <summary>Row <c>product|{product id}</c> of a customer's partition.</summary>
public sealed class CustomerProductRow : RowMapper<CustomerProduct>
{
    public const string Prefix = "product|";
    public const string StatusColumn = "Status";
    public const string StatusBeforeDeletionColumn = "StatusBeforeDeletion";
    private const string VisibleColumn = "Visible";

    /// <summary>The key part of a product's row: the catalog id (an identifier, safe in keys).</summary>
    public static string Id(string productId) => productId;

    public override TableEntity ToEntity(string partitionKey, CustomerProduct value)
    {
        var row = new TableEntity(partitionKey, Prefix + Id(value.ProductId)) { [StatusColumn] = value.Status.ToString() };
        if (value.Visible is { } visible)
        {
            row[VisibleColumn] = visible;
        }
        if (value.StatusBeforeDeletion is { } before)
        {
            row[StatusBeforeDeletionColumn] = before.ToString();
        }
        return row;
    }

    public override CustomerProduct FromEntity(TableEntity entity) =>
        new(entity.RowKey[Prefix.Length..], entity.GetBoolean(VisibleColumn), StatusOf(entity.GetString(StatusColumn)) ?? ProductStatus.NotActivated)
        {
            StatusBeforeDeletion = StatusOf(entity.GetString(StatusBeforeDeletionColumn)),
        };

    private static ProductStatus? StatusOf(string? text) => Enum.TryParse<ProductStatus>(text, ignoreCase: true, out var status) ? status : null;
}
