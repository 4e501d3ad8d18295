using System.Text.Json;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Server;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Architecture;

/// <summary>
/// The functions.metadata the Functions worker SDK writes into src/Functions' build output is what the Functions host
/// registers: its HTTP triggers must be the route table (with host.json's empty route prefix, the same URLs src/Server
/// maps) plus the one catch-all, and its queue and timer triggers the background work src/Server runs. .ci/run builds
/// src/Functions before the tests; run `dotnet build src/Functions` first when running this by hand (a build older than
/// its sources fails the test).
/// </summary>
public sealed class FunctionsMetadataMatchesTheServer
{
    private static readonly string[] AllVerbs = ["delete", "get", "head", "options", "patch", "post", "put"];
    private static readonly string[] Configurations = ["Debug", "Release"];

    [Fact]
    public void EveryRoute_IsOneHttpTrigger_AtTheUrlTheServerMaps()
    {
        var http = Functions().Where(f => Trigger(f).GetProperty("type").GetString() == "httpTrigger" && Name(f) != "HostRoutes")
            .Select(f => $"{Name(f)} {Methods(f)} /{Trigger(f).GetProperty("route").GetString()} {Trigger(f).GetProperty("authLevel").GetString()}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(ApiRoutes.All.Select(r => $"{r.Name} {r.Verb.ToLowerInvariant()} /api/{r.Route} Anonymous").Order(StringComparer.Ordinal), http);
    }

    [Fact]
    public void OneCatchAllFunction_TakesEveryOtherPathAndVerb()
    {
        var catchAll = Assert.Single(Functions(), f => Name(f) == "HostRoutes");

        Assert.Equal("{*path}", Trigger(catchAll).GetProperty("route").GetString());
        Assert.Equal(string.Join(",", AllVerbs), Methods(catchAll));
        Assert.Equal("Anonymous", Trigger(catchAll).GetProperty("authLevel").GetString());
    }

    [Fact]
    public void EveryQueueTheServerPumps_IsOneQueueTrigger_OnTheSameQueueAndConnection()
    {
        var queues = Functions().Where(f => Trigger(f).GetProperty("type").GetString() == "queueTrigger")
            .Select(f => $"{Name(f)} {Trigger(f).GetProperty("queueName").GetString()} {Trigger(f).GetProperty("connection").GetString()}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(BackgroundWork.Queues.Select(q => $"{q.Name} {q.QueueName} AzureWebJobsStorage").Order(StringComparer.Ordinal), queues);
    }

    [Fact]
    public void EveryTimerTheServerRuns_IsOneTimerTrigger_OnTheSameScheduleSetting()
    {
        var timers = Functions().Where(f => Trigger(f).GetProperty("type").GetString() == "timerTrigger")
            .Select(f => $"{Name(f)} {Trigger(f).GetProperty("schedule").GetString()}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(BackgroundWork.Timers.Select(t => $"{t.Name} %{t.ScheduleSetting}%").Order(StringComparer.Ordinal), timers);
    }

    [Fact]
    public void NoOtherFunction_IsRegistered()
    {
        Assert.Equal(ApiRoutes.All.Count + 1 + BackgroundWork.Queues.Count + BackgroundWork.Timers.Count, Functions().Count);
    }

    [Fact]
    public void TheHostGivesUpOnAQueueMessage_AfterAsManyTriesAsTheServer()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json")));
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.Equal(new QueueOptions().MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
    }

    /// <summary>
    /// The functions.metadata of the last src/Functions build (Debug or Release, whichever built last), refused when a
    /// source it is generated from changed since that build. The SDK regenerates the file on every build but rewrites it
    /// only when it differs, so its own time says nothing; the assemblies beside it do: src/Functions' is rewritten when
    /// its sources compile again, and src/Core's (whose queue names and route table the triggers use) is copied anew
    /// whenever src/Core compiles again.
    /// </summary>
    private static List<JsonElement> Functions()
    {
        var output = Configurations
            .Select(configuration => Path.Combine(Repository.Root, "src", "Functions", "bin", configuration, "net10.0"))
            .Where(folder => File.Exists(Path.Combine(folder, "functions.metadata")) && File.Exists(Path.Combine(folder, FunctionsAssembly)))
            .OrderByDescending(folder => File.GetLastWriteTimeUtc(Path.Combine(folder, FunctionsAssembly)))
            .FirstOrDefault();
        Assert.True(output is not null, "No functions.metadata in src/Functions/bin: build src/Functions first (`dotnet build src/Functions`).");
        AssertBuiltAfter(Path.Combine(output, FunctionsAssembly), Path.Combine(Repository.Root, "src", "Functions"));
        AssertBuiltAfter(Path.Combine(output, CoreAssembly), Path.Combine(Repository.Root, "src", "Core"));
        return [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "functions.metadata"))).RootElement.EnumerateArray().Select(f => f.Clone())];
    }

    private const string FunctionsAssembly = "CustomerFunctions.Functions.dll";
    private const string CoreAssembly = "CustomerFunctions.Core.dll";

    private static void AssertBuiltAfter(string assembly, string sourceFolder)
    {
        var built = File.GetLastWriteTimeUtc(assembly);
        var changed = Sources(sourceFolder).Where(source => File.GetLastWriteTimeUtc(source) > built).Select(source => Path.GetRelativePath(Repository.Root, source)).ToList();
        Assert.True(changed.Count == 0,
            $"src/Functions' build output is stale: {string.Join(", ", changed.Take(5))} changed after {Path.GetRelativePath(Repository.Root, assembly)} was built; rebuild src/Functions (`dotnet build src/Functions`) and run again.");
    }

    private static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    private static string Name(JsonElement function) => function.GetProperty("name").GetString()!;

    private static JsonElement Trigger(JsonElement function) =>
        Assert.Single(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("direction").GetString() == "In");

    private static string Methods(JsonElement function) =>
        string.Join(",", Trigger(function).GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order(StringComparer.Ordinal));
}
