namespace CustomerFunctions.Core.Products;

/// <summary>A catalog product with the partner's global visibility of it.</summary>
public sealed record PartnerProductView(string Id, string Name, bool Visible);
