namespace CustomerFunctions.Core.Products;

public sealed record PartnerVisibilityBody(bool? Visible);
