namespace CustomerFunctions.Core.Products;

public sealed record UpsertProductBody(string? Name);
