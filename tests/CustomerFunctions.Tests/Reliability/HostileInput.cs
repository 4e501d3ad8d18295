using System.Reflection;
using System.Text.Json;
using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Reliability;

/// <summary>
/// A generated stream of malformed, oversized, wrongly typed, deeply nested and injection-shaped input against every
/// route of the route table: never a 5xx, never a change in storage, and the service is healthy afterwards.
/// </summary>
public sealed class HostileInput(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private static readonly string[] HostileSegments =
    [
        "..", "%2e%2e", "a%2Fb", "a%5Cb", "a%23b", "a%3Fb", "x'or'1'eq'1", "PartitionKey%20eq%20'x'", "%00", "%0d%0a", "UPPER",
        "%C3%BC%C3%B1%C3%AF", "-", "a--b-", new string('a', 300), "%F0%9F%92%A9", "nul%00l", "%20",
    ];

    private static readonly string[] MalformedBodies =
    [
        "null", "[]", "\"text\"", "42", "true", "{", "{\"a\":}", "{\"a\" 1}", "{'single':'quotes'}", "{\"a\":1,}", "{\"a\":1}/*x*/",
        new string('[', 5000) + new string(']', 5000),
        string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300),
        "{\"unknownField\":1}", "{\"x\":\"\\ud800\"}", "\u0000", "{\"a\":1e400}",
    ];

    private static readonly object[] WrongTypedValues =
    [
        12345678901234567890123456789m, -1, 3.5, true, new object[] { 1, "a" }, new { nested = new { deeper = 1 } }, new string('z', 70_000),
    ];

    private static readonly string[] HostileQueries =
    [
        "pageSize=-1", "pageSize=0", "pageSize=abc", "pageSize=99999999999999999999", "continuationToken=garbage",
        "continuationToken=" + new string('A', 5000), "continuationToken=eyJ4IjoxfQ.AAAA", "from=not-a-date&to=2026-99-99",
        "from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z", "status=%00", "status=deleted%27%20or%201%20eq%201", "search=%27%20or%20%27%27%3D%27",
        "search=" + new string('s', 3000), "testAccounts=maybe", "groupBy=evil", "type=%3Cscript%3E", "state=zzz", "confirm=..", "partnerId=../x",
    ];

    [Fact]
    public async Task EveryRoute_SurvivesHostileInput_WithoutA5xxOrAChange()
    {
        var op = TestUser.Operator();
        var account = await Seed.Customer(f, op);
        var client = f.As(op);
        var before = await QuietCountsAsync();
        var failures = new List<string>();
        var random = new Random(20261122);

        async Task Try(ApiRoute route, string path, string? body, string label, IDictionary<string, string>? headers = null, ApiClient? as_ = null)
        {
            var reply = await (as_ ?? client).SendRaw(new HttpMethod(route.Verb), path, body, headers);
            if (reply.Status >= 500)
            {
                failures.Add($"{route.Name} {label}: {reply.Status} {reply.Text[..Math.Min(200, reply.Text.Length)]}");
            }
        }

        foreach (var route in ApiRoutes.All)
        {
            var hasBody = route.BodyType is not null;
            // Hostile route values (keys that cannot exist): safe to send well-formed bodies, injection-shaped strings and all.
            foreach (var segment in route.Template.Parameters.Count == 0 ? [] : HostileSegments)
            {
                var path = Path(route, _ => segment);
                await Try(route, path, hasBody ? ValidShapedBody(route.BodyType!, "'; DROP TABLE Accounts; --") : null, $"segment {segment[..Math.Min(20, segment.Length)]}");
            }
            if (route.Verb is "GET")
            {
                foreach (var query in HostileQueries)
                {
                    await Try(route, Path(route, p => p == "id" ? account : "zz-none") + "?" + query, null, "query " + query[..Math.Min(30, query.Length)]);
                }
                await Try(route, Path(route, p => p == "id" ? account : "zz-none"), null, "csv", new Dictionary<string, string> { ["Accept"] = "text/csv;q=abc, */*;;" });
            }
            if (!hasBody)
            {
                continue;
            }
            // The real account with bodies that must be refused: malformed JSON, wrong types per field, random truncations.
            var realPath = Path(route, p => p == "id" ? account : "zz-none");
            foreach (var body in MalformedBodies)
            {
                await Try(route, realPath, body, "body " + body[..Math.Min(20, body.Length)]);
            }
            foreach (var property in Properties(route.BodyType!))
            {
                foreach (var value in WrongTypedValues.Where(v => !Fits(property.PropertyType, v)))
                {
                    await Try(route, realPath, JsonSerializer.Serialize(new Dictionary<string, object> { [Camel(property.Name)] = value }), $"{property.Name}={value.GetType().Name}");
                }
            }
            var sample = ValidShapedBody(route.BodyType!, "x");
            for (var i = 0; i < 8; i++)
            {
                var cut = random.Next(1, Math.Max(2, sample.Length - 1));
                await Try(route, realPath, sample[..cut], $"truncated at {cut}");
            }
            await Try(route, realPath, "{\"a\":1}", "huge idempotency key", new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 8000) });
            await Try(route, realPath, "{", "wrong content type", new Dictionary<string, string> { ["If-Match"] = "\"garbage\"" });
            await Try(route, realPath, new string('x', (1 << 20) + 100), "oversized");
        }

        // Authentication garbage on one route of each kind.
        foreach (var authorization in new[] { "Bearer", "Bearer x.y.z", "Basic YTpi", "Bearer " + new string('a', 20_000), "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." })
        {
            var reply = await f.Anonymous.SendRaw(HttpMethod.Get, $"/api/customers/{account}", null, new Dictionary<string, string> { ["Authorization"] = authorization });
            Assert.Equal(401, reply.Status);
        }
        foreach (var path in new[] { "/api/customers/x/y/z/w/v", "/api/nothing", "/api/customers/" + account + "/members/a/b/c" })
        {
            Assert.InRange((await client.Get(path)).Status, 400, 499);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} requests answered 5xx:\n" + string.Join('\n', failures.Take(30)));
        // Tables a feature creates on first use may appear, empty; no table may gain or lose a row.
        var after = await QuietCountsAsync();
        // Registration counts every attempt per client address, valid or not, so the endpoint cannot be probed cheaply:
        // that one counter row is the limit doing its job, not a change made by bad input.
        Assert.True(after.GetValueOrDefault("RateCounters") <= 1, "only the registration attempts counter may appear");
        after.Remove("RateCounters");
        Assert.Equal(before, after.Where(t => before.ContainsKey(t.Key) || t.Value != 0).ToDictionary());
        (await client.Get($"/api/customers/{account}")).Is(200);
        Assert.Equal("ok", (await f.Anonymous.Get("/health")).Text);
    }

    private static string Path(ApiRoute route, Func<string, string> valueFor) =>
        "/api/" + string.Join('/', route.Route.Split('/').Select(s => s.StartsWith('{') ? valueFor(s[1..^1]) : s));

    private static IEnumerable<PropertyInfo> Properties(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || p.GetMethod is not null);

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>A body with every field present and of a plausible type (strings set to <paramref name="text"/>).</summary>
    private static string ValidShapedBody(Type type, string text)
    {
        var body = new Dictionary<string, object?>();
        foreach (var property in Properties(type))
        {
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            body[Camel(property.Name)] = t == typeof(string) ? text : t == typeof(bool) ? true : t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) ? 1 : null;
        }
        return JsonSerializer.Serialize(body);
    }

    private static bool Fits(Type type, object value)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            string => t == typeof(string),
            bool => t == typeof(bool),
            int => t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double),
            double => t == typeof(decimal) || t == typeof(double),
            decimal => t == typeof(decimal) || t == typeof(double),
            _ => false,
        };
    }

    /// <summary>Row counts once background work (outbox, emails) has settled.</summary>
    private async Task<Dictionary<string, int>> QuietCountsAsync()
    {
        var previous = await StorageRows.CountAllAsync(f);
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(500);
            var now = await StorageRows.CountAllAsync(f);
            if (now.Count == previous.Count && now.All(kv => previous.GetValueOrDefault(kv.Key) == kv.Value))
            {
                return now;
            }
            previous = now;
        }
        return previous;
    }
}
