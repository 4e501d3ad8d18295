namespace CustomerFunctions.Core.Products;

/// <summary>
/// A customer's settings for one product. <see cref="Visible"/> is the customer's own (custom) visibility, or null while
/// it inherits its partner's global visibility. Visibility and status are independent: making a product visible does
/// not activate it.
/// </summary>
public sealed record CustomerProduct(string ProductId, bool? Visible, ProductStatus Status)
{
    /// <summary>The status a deletion request paused the product from; given back if the request is cancelled.</summary>
    public ProductStatus? StatusBeforeDeletion { get; init; }

    public static CustomerProduct Unset(string productId) => new(productId, null, ProductStatus.NotActivated);

    /// <summary>The customer's own setting wins; without one the partner's global visibility applies; without that, hidden.</summary>
    public (bool Visible, VisibilitySource Source) EffectiveVisibility(bool? partnerGlobal) =>
        Visible is { } own ? (own, VisibilitySource.Custom) : (partnerGlobal ?? false, VisibilitySource.Inherited);

    /// <summary>A deletion request stops a running product: active or trial becomes paused, remembering what it was.</summary>
    public CustomerProduct PausedForDeletion()
    {
        var running = Status;
        return running is ProductStatus.Active or ProductStatus.Trial ? this with { Status = ProductStatus.Paused, StatusBeforeDeletion = running } : this;
    }

    /// <summary>
    /// The deletion request was cancelled: the product forgets its old status, and gets it back if it is still paused
    /// (someone may have changed it meanwhile).
    /// </summary>
    public CustomerProduct RestoredAfterDeletion() => StatusBeforeDeletion is { } before
        ? this with { Status = Status == ProductStatus.Paused ? before : Status, StatusBeforeDeletion = null }
        : this;
}
