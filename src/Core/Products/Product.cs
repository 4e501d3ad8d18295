namespace CustomerFunctions.Core.Products;

/// <summary>A product of the platform's catalog.</summary>
public sealed record Product(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public Product Renamed(string name, DateTimeOffset now) => this with { Name = name, UpdatedAt = now };
}
