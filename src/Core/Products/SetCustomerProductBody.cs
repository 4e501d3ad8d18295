using System.Text.Json;

namespace CustomerFunctions.Core.Products;

/// <summary><c>visible</c>: true or false sets the customer's own visibility, null returns to inheriting; absent leaves it. <c>status</c> absent leaves it.</summary>
public sealed record SetCustomerProductBody(JsonElement Visible, ProductStatus? Status);
