namespace CustomerFunctions.Core.Products;

/// <summary>A catalog product with the customer's effective visibility (and where it comes from) and status.</summary>
public sealed record CustomerProductView(string Id, string Name, bool Visible, VisibilitySource VisibilitySource, ProductStatus Status)
{
    public static CustomerProductView From(Product product, CustomerProduct settings, bool? partnerGlobal)
    {
        var (visible, source) = settings.EffectiveVisibility(partnerGlobal);
        return new(product.Id, product.Name, visible, source, settings.Status);
    }
}
