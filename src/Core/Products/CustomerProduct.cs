using Azure.Data.Tables;

namespace CustomerFunctions.Core.Products;

public enum VisibilitySource { Inherited, Custom }

/// <summary>
/// A customer's settings for one product, row <c>product|{productId}</c> of its partition. <see cref="Visible"/> is the
/// customer's own (custom) visibility, or null while it inherits its partner's global visibility. Visibility and status are
/// independent: making a product visible does not activate it.
/// </summary>
public sealed record CustomerProduct(string ProductId, bool? Visible, ProductStatus Status)
{
    public static CustomerProduct Unset(string productId) => new(productId, null, ProductStatus.NotActivated);

    /// <summary>The customer's own setting wins; without one the partner's global visibility applies; without that, hidden.</summary>
    public (bool Visible, VisibilitySource Source) EffectiveVisibility(bool? partnerGlobal) =>
        Visible is { } own ? (own, VisibilitySource.Custom) : (partnerGlobal ?? false, VisibilitySource.Inherited);

    /// <summary>The row, keeping properties other features keep on it (the status before a deletion request paused it).</summary>
    public TableEntity ToEntity(string accountId, TableEntity? existing)
    {
        var row = new TableEntity(accountId, ProductKeys.Product(ProductId));
        foreach (var (key, value) in existing ?? [])
        {
            if (key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp"))
            {
                row[key] = value;
            }
        }
        row[ProductKeys.Status] = Status.ToString();
        if (Visible is { } visible)
        {
            row[VisibleProperty] = visible;
        }
        else
        {
            row.Remove(VisibleProperty);
        }
        return row;
    }

    public const string VisibleProperty = "Visible";

    public static CustomerProduct FromEntity(TableEntity e) => new(
        e.RowKey[ProductKeys.Prefix.Length..],
        e.GetBoolean(VisibleProperty),
        Enum.TryParse<ProductStatus>(e.GetString(ProductKeys.Status), out var status) ? status : ProductStatus.NotActivated);
}

/// <summary>A partner's global visibility of a product for its customers, row <c>globalproduct|{productId}</c> of the partner's partition.</summary>
public static class PartnerProductKeys
{
    public const string Prefix = "globalproduct|";

    public static string Product(string productId) => Prefix + productId;

    public const string Visible = "Visible";
}
