using System.Text.Json;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Products;

/// <summary>The product catalog, partners' global visibility and each customer's product visibility and status (which set the account's stage).</summary>
public sealed class ProductEndpoints(ProductCatalog catalog, AccountStore accounts, TimeProvider time)
{
    public async Task<ApiResponse> List(ApiRequest request)
    {
        var products = await catalog.AllAsync(request.Aborted);
        return ApiResponse.Ok(new ProductList(products.Select(ProductView.From).ToList()));
    }

    public async Task<Answer<ApiResponse, NotFound>> Get(ApiRequest request) =>
        await catalog.FindAsync(request.RouteValue("productId"), request.Aborted) is { } product ? ApiResponse.Ok(ProductView.From(product)) : new NotFound("The product");

    public async Task<Answer<ApiResponse, Invalid>> Upsert(ApiRequest request)
    {
        var productId = request.RouteValue("productId");
        var body = request.ReadBody<UpsertProductBody>();
        if (new Validator().Identifier("productId", productId).Text("name", body.Name, 200, required: true).Failure is { } invalid)
        {
            return invalid;
        }
        var (product, created) = await catalog.UpsertAsync(productId, body.Name!.Trim(), time.GetUtcNow(), request.Aborted);
        var view = ProductView.From(product);
        return created ? ApiResponse.Created($"/api/products/{productId}", view) : ApiResponse.Ok(view);
    }

    public async Task<Answer<ApiResponse, NotFound>> ListForPartner(AccountSession session, ApiRequest request)
    {
        if (session.Existing.Kind != AccountKind.Partner)
        {
            return new NotFound("The partner");
        }
        var global = await VisibleForAllAsync(session.QueryAsync(AccountPartition.PartnerProducts));
        var products = await catalog.AllAsync(request.Aborted);
        return ApiResponse.Ok(new PartnerProductList(products.Select(p => new PartnerProductView(p.Id, p.Name, global.GetValueOrDefault(p.Id))).ToList()));
    }

    public async Task<Answer<ApiResponse, Invalid, NotFound>> SetPartnerVisibility(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<PartnerVisibilityBody>();
        if (body.Visible is not { } visible)
        {
            return Invalid.Field("visible", "Required: true or false.");
        }
        if (session.Existing.Kind != AccountKind.Partner)
        {
            return new NotFound("The partner");
        }
        if (await catalog.FindAsync(request.RouteValue("productId"), request.Aborted) is not { } product)
        {
            return new NotFound("The product");
        }
        var stored = await session.ReadAsync(AccountPartition.PartnerProducts, PartnerProductRow.Id(product.Id));
        var before = stored?.Value.Visible ?? false;
        var view = new PartnerProductView(product.Id, product.Name, visible);
        if (stored is not null && before == visible)
        {
            return ApiResponse.Ok(view);
        }
        session.Upsert(AccountPartition.PartnerProducts, new PartnerProduct(product.Id, visible));
        session.Record(EventTypes.ProductChanged, new { productId = product.Id, scope = "partnerGlobal" }, [new FieldChange("visible", before, visible)]);
        return await session.CommitAsync(ApiResponse.Ok(view));
    }

    public async Task<ApiResponse> ListForCustomer(AccountSession session, ApiRequest request)
    {
        var products = catalog.AllAsync(request.Aborted);
        var own = CustomerProductsAsync(session);
        var global = PartnerVisibilityAsync(session.Existing, request.Aborted);
        var settings = await own;
        var partnerGlobal = await global;
        var items = (await products).Select(p => View(p, settings.GetValueOrDefault(p.Id) ?? CustomerProduct.Unset(p.Id), partnerGlobal)).ToList();
        return ApiResponse.Ok(new CustomerProductList(items));
    }

    public async Task<Answer<ApiResponse, Invalid, NotFound>> SetForCustomer(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<SetCustomerProductBody>();
        (bool Given, bool? Value)? visibility = body.Visible.ValueKind switch
        {
            JsonValueKind.Undefined => (false, null),
            JsonValueKind.Null => (true, null),
            JsonValueKind.True => (true, true),
            JsonValueKind.False => (true, false),
            _ => null,
        };
        if (visibility is not { } change)
        {
            return Invalid.Field("visible", "Must be true, false or null (inherit the partner's global visibility).");
        }
        if (!change.Given && body.Status is null)
        {
            return new Invalid(new Dictionary<string, string[]> { ["visible"] = ["Send visible, status or both."], ["status"] = ["Send visible, status or both."] });
        }
        if (await catalog.FindAsync(request.RouteValue("productId"), request.Aborted) is not { } product)
        {
            return new NotFound("The product");
        }
        var settings = await CustomerProductsAsync(session);
        var before = settings.GetValueOrDefault(product.Id) ?? CustomerProduct.Unset(product.Id);
        var after = before with
        {
            Visible = change.Given ? change.Value : before.Visible,
            Status = body.Status ?? before.Status,
        };
        var account = session.Existing;
        var partnerGlobal = await PartnerVisibilityAsync(account, request.Aborted);
        if (after == before)
        {
            return ApiResponse.Ok(View(product, after, partnerGlobal));
        }

        CustomerProductChange.Stage(session, before, after, settings.Values.Where(p => p.ProductId != product.Id).Select(p => p.Status));
        session.Effect(new SyncAccountListing());
        return await session.CommitAsync(ApiResponse.Ok(View(product, after, partnerGlobal)));
    }

    private static CustomerProductView View(Product product, CustomerProduct settings, Dictionary<string, bool> partnerGlobal) =>
        CustomerProductView.From(product, settings, partnerGlobal.TryGetValue(product.Id, out var global) ? global : null);

    private static async Task<Dictionary<string, CustomerProduct>> CustomerProductsAsync(AccountSession session)
    {
        var settings = new Dictionary<string, CustomerProduct>(StringComparer.Ordinal);
        await foreach (var row in session.QueryAsync(AccountPartition.Products))
        {
            settings[row.Value.ProductId] = row.Value;
        }
        return settings;
    }

    /// <summary>The global visibility the customer's partner set, by product (empty for a customer without a partner).</summary>
    private async Task<Dictionary<string, bool>> PartnerVisibilityAsync(Account customer, CancellationToken cancellationToken) =>
        customer.PartnerId is { } partnerId
            ? await VisibleForAllAsync(accounts.QueryAsync(partnerId, AccountPartition.PartnerProducts, cancellationToken: cancellationToken))
            : [];

    private static async Task<Dictionary<string, bool>> VisibleForAllAsync(IAsyncEnumerable<Stored<PartnerProduct>> rows)
    {
        var visible = new Dictionary<string, bool>(StringComparer.Ordinal);
        await foreach (var row in rows)
        {
            visible[row.Value.ProductId] = row.Value.Visible;
        }
        return visible;
    }
}
