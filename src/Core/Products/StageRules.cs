using CustomerFunctions.Core.Customers;

namespace CustomerFunctions.Core.Products;

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
