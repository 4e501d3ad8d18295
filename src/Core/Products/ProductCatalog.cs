using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Products;

/// <summary>A product of the platform's catalog.</summary>
public sealed record Product(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The catalog: one partition of the Settings table, a row per product. Small by nature, so it is read whole.</summary>
public sealed class ProductCatalog(StorageClients storage)
{
    public const string PartitionKey = "catalog";

    public TableClient Table => storage.Settings;

    public async Task<Product?> FindAsync(string productId, CancellationToken cancellationToken)
    {
        if (!Keys.IsIdentifier(productId))
        {
            return null;
        }
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, productId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<List<Product>> AllAsync(CancellationToken cancellationToken)
    {
        var products = new List<Product>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey}"), cancellationToken: cancellationToken))
        {
            products.Add(FromEntity(row));
        }
        return products;
    }

    /// <summary>Creates or renames a product; answers whether it was created.</summary>
    public async Task<(Product Product, bool Created)> UpsertAsync(string productId, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, productId, cancellationToken: cancellationToken);
            var product = existing.HasValue ? FromEntity(existing.Value!) with { Name = name, UpdatedAt = now } : new Product(productId, name, now, now);
            try
            {
                if (existing.HasValue)
                {
                    await Table.UpdateEntityAsync(ToEntity(product), existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(ToEntity(product), cancellationToken);
                }
                return (product, !existing.HasValue);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another operator wrote it in between: read again.
            }
        }
    }

    private static TableEntity ToEntity(Product p) => new(PartitionKey, p.Id) { ["Name"] = p.Name, ["CreatedAt"] = p.CreatedAt, ["UpdatedAt"] = p.UpdatedAt };

    private static Product FromEntity(TableEntity e) =>
        new(e.RowKey, e.GetString("Name") ?? e.RowKey, e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);
}
