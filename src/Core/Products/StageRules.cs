using CustomerFunctions.Core.Customers;

namespace CustomerFunctions.Core.Products;

public enum ProductStatus { NotActivated, Trial, Active, Paused, TrialEnd, Deleted }

/// <summary>Row layout of a customer's product settings in its partition (shared with the deletion lifecycle, which pauses them).</summary>
public static class ProductKeys
{
    public const string Prefix = "product|";

    public static string Product(string productId) => Prefix + productId;

    /// <summary>String property holding the <see cref="ProductStatus"/>.</summary>
    public const string Status = "Status";

    /// <summary>The status a product had before a deletion request paused it (restored when the request is cancelled).</summary>
    public const string StatusBeforeDeletion = "StatusBeforeDeletion";
}

/// <summary>The account's stage follows from its products' statuses.</summary>
public static class StageRules
{
    public static AccountStage Derive(bool accountDeleted, IEnumerable<ProductStatus> statuses)
    {
        if (accountDeleted)
        {
            return AccountStage.Deleted;
        }
        var all = statuses.ToList();
        if (all.Contains(ProductStatus.Active))
        {
            return AccountStage.Active;
        }
        if (all.Contains(ProductStatus.Trial))
        {
            return AccountStage.Trial;
        }
        if (all.Any(s => s is ProductStatus.Deleted or ProductStatus.TrialEnd or ProductStatus.Paused))
        {
            return AccountStage.TrialEnd;
        }
        return AccountStage.Preparation;
    }
}
