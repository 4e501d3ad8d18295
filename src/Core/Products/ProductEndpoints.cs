using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Products;

public sealed record UpsertProductBody(string? Name);

public sealed record PartnerVisibilityBody(bool? Visible);

/// <summary><c>visible</c>: true or false sets the customer's own visibility, null returns to inheriting; absent leaves it. <c>status</c> absent leaves it.</summary>
public sealed record SetCustomerProductBody(JsonElement Visible, ProductStatus? Status);

public sealed record ProductView(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProductView From(Product p) => new(p.Id, p.Name, p.CreatedAt, p.UpdatedAt);
}

public sealed record ProductList(IReadOnlyList<ProductView> Items, string? ContinuationToken = null);

public sealed record PartnerProductView(string Id, string Name, bool Visible);

public sealed record PartnerProductList(IReadOnlyList<PartnerProductView> Items, string? ContinuationToken = null);

public sealed record CustomerProductView(string Id, string Name, bool Visible, VisibilitySource VisibilitySource, ProductStatus Status);

public sealed record CustomerProductList(IReadOnlyList<CustomerProductView> Items, string? ContinuationToken = null);

/// <summary>The product catalog, partners' global visibility and each customer's product visibility and status (which set the account's stage).</summary>
public sealed class ProductEndpoints(ProductCatalog catalog, AccountStore accounts, StorageClients storage, TimeProvider time)
{
    private static readonly Relation[] PartnerMembers = [Relation.Operator, Relation.Admin, Relation.Member];

    public async Task<Microsoft.AspNetCore.Http.IResult> List(ApiRequest request)
    {
        var products = await catalog.AllAsync(request.Aborted);
        return ApiResponse.Ok(new ProductList(products.Select(ProductView.From).ToList()));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> Get(ApiRequest request) =>
        ApiResponse.Ok(ProductView.From(await FindAsync(request.RouteValue("productId"), request.Aborted)));

    public async Task<Microsoft.AspNetCore.Http.IResult> Upsert(ApiRequest request)
    {
        var productId = request.RouteValue("productId");
        var body = request.ReadBody<UpsertProductBody>();
        new Validator().Identifier("productId", productId).Text("name", body.Name, 200, required: true).ThrowIfInvalid();
        if (!request.Caller.IsOperator)
        {
            throw new ApiErrorException(ApiError.Forbidden("Only platform operators keep the product catalog."));
        }
        var (product, created) = await catalog.UpsertAsync(productId, body.Name!.Trim(), time.GetUtcNow(), request.Aborted);
        var view = ProductView.From(product);
        return created ? ApiResponse.Created($"/api/products/{productId}", view) : ApiResponse.Ok(view);
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> ListForPartner(ApiRequest request)
    {
        var session = await OpenPartnerAsync(request, writes: false);
        var global = await PartnerGlobalAsync(session.AccountId, request.Aborted);
        var products = await catalog.AllAsync(request.Aborted);
        return ApiResponse.Ok(new PartnerProductList(products.Select(p => new PartnerProductView(p.Id, p.Name, global.GetValueOrDefault(p.Id))).ToList()));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> SetPartnerVisibility(ApiRequest request)
    {
        var body = request.ReadBody<PartnerVisibilityBody>();
        if (body.Visible is null)
        {
            throw new ApiErrorException(ApiError.Validation("visible", "Required: true or false."));
        }
        var session = await OpenPartnerAsync(request, writes: true);
        var product = await FindAsync(request.RouteValue("productId"), request.Aborted);
        var rowKey = PartnerProductKeys.Product(product.Id);
        var row = await session.Table.GetEntityIfExistsAsync<TableEntity>(session.AccountId, rowKey, cancellationToken: request.Aborted);
        var before = row.HasValue ? row.Value!.GetBoolean(PartnerProductKeys.Visible) ?? false : false;
        var view = new PartnerProductView(product.Id, product.Name, body.Visible.Value);
        if (row.HasValue && before == body.Visible)
        {
            return ApiResponse.Ok(view);
        }
        session.Upsert(new TableEntity(session.AccountId, rowKey) { [PartnerProductKeys.Visible] = body.Visible.Value });
        session.Record(EventTypes.ProductChanged, new { productId = product.Id, scope = "partnerGlobal" }, [new FieldChange("visible", before, body.Visible.Value)]);
        return await session.CommitAsync(ApiResponse.Ok(view));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> ListForCustomer(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Everyone, writes: false);
        var products = catalog.AllAsync(request.Aborted);
        var own = CustomerRowsAsync(session, request.Aborted);
        var global = session.Existing.PartnerId is { } partnerId ? PartnerGlobalAsync(partnerId, request.Aborted) : Task.FromResult(new Dictionary<string, bool>());
        var rows = await own;
        var partnerGlobal = await global;
        var items = (await products).Select(p => View(p, rows.TryGetValue(p.Id, out var r) ? CustomerProduct.FromEntity(r) : CustomerProduct.Unset(p.Id), partnerGlobal)).ToList();
        return ApiResponse.Ok(new CustomerProductList(items));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> SetForCustomer(ApiRequest request)
    {
        var body = request.ReadBody<SetCustomerProductBody>();
        var visibility = body.Visible.ValueKind switch
        {
            JsonValueKind.Undefined => (Given: false, Value: (bool?)null),
            JsonValueKind.Null => (true, null),
            JsonValueKind.True => (true, true),
            JsonValueKind.False => (true, false),
            _ => throw new ApiErrorException(ApiError.Validation("visible", "Must be true, false or null (inherit the partner's global visibility).")),
        };
        if (!visibility.Given && body.Status is null)
        {
            throw new ApiErrorException(ApiError.Validation(new Dictionary<string, string[]> { ["visible"] = ["Send visible, status or both."], ["status"] = ["Send visible, status or both."] }));
        }
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Managers, writes: true);
        var product = await FindAsync(request.RouteValue("productId"), request.Aborted);
        var rows = await CustomerRowsAsync(session, request.Aborted);
        var existing = rows.GetValueOrDefault(product.Id);
        var before = existing is null ? CustomerProduct.Unset(product.Id) : CustomerProduct.FromEntity(existing);
        var after = before with
        {
            Visible = visibility.Given ? visibility.Value : before.Visible,
            Status = body.Status ?? before.Status,
        };
        var partnerGlobal = session.Existing.PartnerId is { } partnerId ? await PartnerGlobalAsync(partnerId, request.Aborted) : [];
        if (after == before)
        {
            return ApiResponse.Ok(View(product, after, partnerGlobal));
        }

        var account = session.Existing;
        var changes = new List<FieldChange>();
        if (after.Visible != before.Visible)
        {
            changes.Add(new FieldChange("visible", before.Visible, after.Visible));
        }
        if (after.Status != before.Status)
        {
            changes.Add(new FieldChange("status", Name(before.Status), Name(after.Status)));
        }
        var statuses = rows.Values.Where(r => r.RowKey != ProductKeys.Product(product.Id)).Select(r => CustomerProduct.FromEntity(r).Status).Append(after.Status);
        var stage = StageRules.Derive(account.IsDeleted, statuses);
        if (stage != account.Stage)
        {
            changes.Add(new FieldChange("stage", Name(account.Stage), Name(stage)));
            account.MoveToStage(stage, session.Now);
        }
        session.Upsert(after.ToEntity(session.AccountId, existing));
        session.Record(EventTypes.ProductChanged, new { productId = product.Id }, changes);
        session.Effect(new SyncAccountListing());
        return await session.CommitAsync(ApiResponse.Ok(View(product, after, partnerGlobal)));
    }

    private static string Name(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static CustomerProductView View(Product product, CustomerProduct settings, Dictionary<string, bool> partnerGlobal)
    {
        var (visible, source) = settings.EffectiveVisibility(partnerGlobal.TryGetValue(product.Id, out var global) ? global : null);
        return new CustomerProductView(product.Id, product.Name, visible, source, settings.Status);
    }

    private async Task<AccountSession> OpenPartnerAsync(ApiRequest request, bool writes)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("partnerId"), request)).Authorize(PartnerMembers, writes);
        return session.Existing.Kind == Customers.AccountKind.Partner ? session : throw new ApiErrorException(ApiError.NotFound("The partner"));
    }

    private async Task<Product> FindAsync(string productId, CancellationToken cancellationToken) =>
        await catalog.FindAsync(productId, cancellationToken) ?? throw new ApiErrorException(ApiError.NotFound("The product"));

    private static async Task<Dictionary<string, TableEntity>> CustomerRowsAsync(AccountSession session, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {session.AccountId} and RowKey ge {ProductKeys.Prefix} and RowKey lt {Keys.PrefixEnd(ProductKeys.Prefix)}");
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in session.Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows[row.RowKey[ProductKeys.Prefix.Length..]] = row;
        }
        return rows;
    }

    private async Task<Dictionary<string, bool>> PartnerGlobalAsync(string partnerId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partnerId} and RowKey ge {PartnerProductKeys.Prefix} and RowKey lt {Keys.PrefixEnd(PartnerProductKeys.Prefix)}");
        var visible = new Dictionary<string, bool>(StringComparer.Ordinal);
        await foreach (var row in storage.Accounts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            visible[row.RowKey[PartnerProductKeys.Prefix.Length..]] = row.GetBoolean(PartnerProductKeys.Visible) ?? false;
        }
        return visible;
    }
}
