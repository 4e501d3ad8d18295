namespace CustomerFunctions.Core.Products;

/// <summary>A catalog product as the API returns it.</summary>
public sealed record ProductView(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProductView From(Product p) => new(p.Id, p.Name, p.CreatedAt, p.UpdatedAt);
}
