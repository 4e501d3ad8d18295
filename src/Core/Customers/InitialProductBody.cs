using CustomerFunctions.Core.Products;

namespace CustomerFunctions.Core.Customers;

/// <summary>A product setting of a new customer: its own visibility (absent or null: inherited from the partner) and status (absent: notActivated).</summary>
public sealed record InitialProductBody(string? ProductId, bool? Visible, ProductStatus? Status);
