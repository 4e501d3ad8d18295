using System.Text.RegularExpressions;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Architecture;

/// <summary>src/Functions cannot be built on every machine, so this reads its source and compares it with src/Core's route table.</summary>
public sealed partial class FunctionsMatchRouteTable
{
    [Fact]
    public void EveryRoute_HasExactlyOneHttpFunction_WithTheSameNameVerbAndRoute()
    {
        var declared = Directory.GetFiles(Path.Combine(Repository.Root, "src", "Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => HttpFunction().Matches(File.ReadAllText(path)))
            .Select(m => (Name: m.Groups["name"].Value, Verb: m.Groups["verb"].Value.ToUpperInvariant(), Route: m.Groups["route"].Value, Target: m.Groups["target"].Value))
            .ToList();

        foreach (var function in declared)
        {
            Assert.True(function.Name == function.Target, $"Function {function.Name} dispatches to route {function.Target}.");
        }
        var expected = ApiRoutes.All.Select(r => $"{r.Name} {r.Verb} {r.Route}").Order().ToList();
        var actual = declared.Select(d => $"{d.Name} {d.Verb} {d.Route}").Order().ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void RouteNames_AreUnique_AndNoTwoRoutesShareVerbAndTemplate()
    {
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(r => r.Name).Distinct().Count());
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(r => r.Verb + " " + r.Route).Distinct().Count());
    }

    [GeneratedRegex("""\[Function\("(?<name>\w+)"\)\]\s*public\s+Task<IResult>\s+\w+\(\[HttpTrigger\(AuthorizationLevel\.Anonymous,\s*"(?<verb>\w+)",\s*Route\s*=\s*"(?<route>[^"]+)"\)\]\s*HttpRequest\s+request\)\s*=>\s*api\.RunAsync\("(?<target>\w+)",\s*request\);""")]
    private static partial Regex HttpFunction();
}
