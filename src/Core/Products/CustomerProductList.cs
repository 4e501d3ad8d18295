namespace CustomerFunctions.Core.Products;

/// <summary>Every catalog product as one customer sees it.</summary>
public sealed record CustomerProductList(IReadOnlyList<CustomerProductView> Items, string? ContinuationToken = null);
