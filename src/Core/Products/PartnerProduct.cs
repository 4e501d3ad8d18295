namespace CustomerFunctions.Core.Products;

/// <summary>A partner's global visibility of a product for all its customers (those without their own setting).</summary>
public sealed record PartnerProduct(string ProductId, bool Visible);
