namespace CustomerFunctions.Core.Products;

/// <summary>
/// The column names of a customer's product row, for code that still reads those rows as raw entities (the deletion
/// lifecycle, which pauses and restores products). Everything else reads them as <see cref="CustomerProduct"/>.
/// </summary>
public static class ProductKeys
{
    public const string Prefix = CustomerProductRow.Prefix;

    public static string Product(string productId) => Prefix + CustomerProductRow.Id(productId);

    /// <summary>String property holding the <see cref="ProductStatus"/>.</summary>
    public const string Status = CustomerProductRow.StatusColumn;

    /// <summary>The status a product had before a deletion request paused it (restored when the request is cancelled).</summary>
    public const string StatusBeforeDeletion = CustomerProductRow.StatusBeforeDeletionColumn;
}
