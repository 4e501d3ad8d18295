using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Products;

/// <summary>
/// The catalog: one partition of the Settings table, a <see cref="ProductRow"/> per product, and the only code touching
/// it. Small by nature, so it is read whole.
/// </summary>
public sealed class ProductCatalog(StorageClients storage)
{
    private static readonly ProductRow Rows = new();

    private TableClient Table => storage.Settings;

    public async Task<Product?> FindAsync(string productId, CancellationToken cancellationToken)
    {
        if (!Keys.IsIdentifier(productId))
        {
            return null;
        }
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(ProductRow.Partition, productId, cancellationToken: cancellationToken);
        return row.HasValue ? Rows.FromEntity(row.Value!) : null;
    }

    public async Task<List<Product>> AllAsync(CancellationToken cancellationToken)
    {
        var products = new List<Product>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ProductRow.Partition}"), cancellationToken: cancellationToken))
        {
            products.Add(Rows.FromEntity(row));
        }
        return products;
    }

    /// <summary>Creates or renames a product; answers whether it was created.</summary>
    public async Task<(Product Product, bool Created)> UpsertAsync(string productId, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(ProductRow.Partition, productId, cancellationToken: cancellationToken);
            var product = existing.HasValue ? Rows.FromEntity(existing.Value!).Renamed(name, now) : new Product(productId, name, now, now);
            try
            {
                if (existing.HasValue)
                {
                    await Table.UpdateEntityAsync(Rows.ToEntity(ProductRow.Partition, product), existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(Rows.ToEntity(ProductRow.Partition, product), cancellationToken);
                }
                return (product, !existing.HasValue);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another operator wrote it in between: read again.
            }
        }
    }
}
