using CustomerFunctions.Core.Http;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Authorization;

/// <summary>
/// Every route x every role, against the customer the partner manages. Expected outcome of each cell:
/// "ok" = 2xx, else the status. 404 where the caller may not know the account exists, 403 for a known account and the
/// wrong role, 401 without a token.
/// </summary>
public sealed class AuthorizationMatrix(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    //                    route                      Operator PartnerAdmin PartnerEmployee ForeignPartner CustomerAdmin CustomerEmployee OtherCustomer Anonymous
    public static readonly (string Route, string[] Expected)[] Table =
    [
        ("CreateCustomer", ["ok", "ok", "ok", "ok", "403", "403", "403", "401"]),
        ("GetCustomer", ["ok", "ok", "ok", "404", "ok", "ok", "404", "401"]),
    ];

    /// <summary>How to call each route against the world's customer.</summary>
    private static async Task<CellRequest> RequestFor(string route, World w)
    {
        await Task.CompletedTask;
        var c = w.Customer;
        return route switch
        {
            "CreateCustomer" => new(HttpMethod.Post, "/api/customers", new { id = Ids.Account(), name = "Matrix" }),
            "GetCustomer" => new(HttpMethod.Get, $"/api/customers/{c}"),
            _ => throw new InvalidOperationException($"The matrix has no request for route {route}."),
        };
    }

    [Fact]
    public void TheTable_CoversEveryRoute_Once()
    {
        Assert.Equal(ApiRoutes.All.Select(r => r.Name).Order(), Table.Select(t => t.Route).Order());
        Assert.All(Table, row => Assert.Equal(Enum.GetValues<Role>().Length, row.Expected.Length));
    }

    public static IEnumerable<object[]> Routes() => Table.Select(t => new object[] { t.Route });

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryRoleGetsItsExpectedOutcome(string route)
    {
        var expected = Table.Single(t => t.Route == route).Expected;
        var readOnly = ApiRoutes.All.Single(r => r.Name == route).Verb == "GET";
        var shared = readOnly ? await World.CreateAsync(f) : null;
        // Writes get a fresh world per cell (built in parallel): a successful write in one cell must not change what the next sees.
        var results = await Task.WhenAll(Enum.GetValues<Role>().Select(async role =>
        {
            var world = shared ?? await World.CreateAsync(f);
            var request = await RequestFor(route, world);
            var reply = await world.As(role).Send(request.Method, request.Path, request.Body);
            var want = expected[(int)role];
            var ok = want == "ok" ? reply.Status is >= 200 and < 300 : reply.Status.ToString() == want;
            return ok ? null : $"{role}: expected {want}, got {reply.Status} {reply.Text[..Math.Min(160, reply.Text.Length)]}";
        }));
        var mismatches = results.OfType<string>().ToList();
        Assert.True(mismatches.Count == 0, $"{route}:\n" + string.Join('\n', mismatches));
    }
}
