namespace CustomerFunctions.Core.Products;

/// <summary>The whole catalog.</summary>
public sealed record ProductList(IReadOnlyList<ProductView> Items, string? ContinuationToken = null);
