namespace CustomerFunctions.Core.Products;

/// <summary>Every catalog product with the partner's global visibility of it.</summary>
public sealed record PartnerProductList(IReadOnlyList<PartnerProductView> Items, string? ContinuationToken = null);
