using System.Globalization;
using System.Text.Json;
using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Tests.Contract;

/// <summary>
/// Each failure response lists its problem types machine-readably: one named example per type (keyed by it) whose
/// value is a problem of that type and status, so a generator or reader need not parse the description.
/// </summary>
public sealed class OpenApiProblemTypes
{
    private static readonly JsonElement Paths = JsonDocument.Parse(OpenApiDocument.Json).RootElement.GetProperty("paths");

    [Fact]
    public void EveryOperation_ListsEachOfItsProblemTypes_AsANamedExample()
    {
        var missing = new List<string>();
        foreach (var route in ApiRoutes.All)
        {
            foreach (var (status, types) in OperationOutcomes.FailuresOf(route))
            {
                missing.AddRange(types.Where(t => !IsListed(route, status, t)).Select(t => $"{route.Name} {status} {t}"));
            }
        }
        Assert.True(missing.Count == 0, "Not machine-readable: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryDeclaredNamedRule_IsListedUnderItsStatus()
    {
        var rules = ApiRoutes.All.SelectMany(r => r.DeclaredFailures.Where(f => f != typeof(Failure)).Select(f => (Route: r, Status: Problems.StatusOf(f), Type: OperationOutcomes.ProblemType(f))))
            .Where(r => r.Type is not null).ToList();
        Assert.Contains(rules, r => r.Route.Name == "RemoveMember" && r.Type == "last-admin");
        Assert.Contains(rules, r => r.Route.Name == "CreateCustomer" && r.Type == "identifier-taken");
        Assert.All(rules, r => Assert.True(IsListed(r.Route, r.Status, r.Type!), $"{r.Route.Name} {r.Status} {r.Type}"));
    }

    private static bool IsListed(ApiRoute route, int status, string type)
    {
        var media = Paths.GetProperty("/api/" + route.Route).GetProperty(route.Verb.ToLowerInvariant()).GetProperty("responses")
            .GetProperty(status.ToString(CultureInfo.InvariantCulture)).GetProperty("content").GetProperty("application/problem+json");
        return media.TryGetProperty("examples", out var examples) && examples.TryGetProperty(type, out var example)
            && example.GetProperty("value").GetProperty("type").GetString() == Problems.TypeBase + type
            && example.GetProperty("value").GetProperty("status").GetInt32() == status;
    }
}
