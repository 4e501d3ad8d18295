using System.Text.Json;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Customers.List;

/// <summary>Customers of one fresh partner, created through the API, and the list read back page by page.</summary>
internal sealed class ListScene(ServiceFixture f, TestUser op, string partner)
{
    private const string Product = "list-product";

    public string Partner => partner;

    public static async Task<ListScene> Start(ServiceFixture f, TestUser op)
    {
        var product = await f.As(op).Put($"/api/products/{Product}", new { name = "List product" });
        Assert.True(product.Status is 200 or 201, product.Text);
        return new(f, op, await Seed.Partner(f, op));
    }

    public async Task<string> Customer(string name, string? id = null, string? seller = null, string? customId = null, string? email = null, bool test = false)
    {
        id ??= Infrastructure.Ids.Account("c");
        (await f.As(op).Post("/api/customers", new { id, name, partnerId = partner, seller, customId, companyEmail = email, isTestAccount = test })).Is(201);
        return id;
    }

    /// <summary>Moves the account to a stage the way the product statuses do (trial or active).</summary>
    public async Task Stage(string id, AccountStage stage) =>
        (await f.As(op).Put($"/api/customers/{id}/products/{Product}", new { status = stage == AccountStage.Trial ? "trial" : "active" })).Is(200);

    /// <summary>Every id of the list, following continuation tokens, and the size of each page.</summary>
    public async Task<(List<string> Ids, List<int> Pages)> All(string query, int pageSize = 50)
    {
        var ids = new List<string>();
        var pages = new List<int>();
        string? token = null;
        do
        {
            var page = await Page(query + $"&pageSize={pageSize}" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            var items = Items(page);
            Assert.True(items.Count > 0 || pages.Count == 0, "a page is never empty while a token was given");
            ids.AddRange(items);
            pages.Add(items.Count);
            token = page.TryGetProperty("continuationToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        while (token is not null && pages.Count < 500);
        return (ids, pages);
    }

    public async Task<List<string>> Ids(string query) => Items(await Page(query));

    public async Task<JsonElement> Page(string query) => (await f.As(op).Get($"/api/customers?partnerId={partner}&{query}")).Is(200).Json;

    private static List<string> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
}
