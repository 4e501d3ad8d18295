using System.Text.Json;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Server;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Architecture;

/// <summary>
/// The functions.metadata the Functions worker SDK writes into src/Functions' build output is what the Functions host
/// registers: its HTTP triggers must be the route table (with host.json's empty route prefix, the same URLs src/Server
/// maps) plus the one catch-all, and its queue and timer triggers the background work src/Server runs. .ci/run builds
/// src/Functions before the tests; run `dotnet build src/Functions` first when running this by hand.
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

    private static List<JsonElement> Functions()
    {
        var metadata = Configurations
            .Select(configuration => Path.Combine(Repository.Root, "src", "Functions", "bin", configuration, "net10.0", "functions.metadata"))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
        Assert.True(metadata is not null, "No functions.metadata in src/Functions/bin: build src/Functions first (`dotnet build src/Functions`).");
        return [.. JsonDocument.Parse(File.ReadAllText(metadata)).RootElement.EnumerateArray().Select(f => f.Clone())];
    }

    private static string Name(JsonElement function) => function.GetProperty("name").GetString()!;

    private static JsonElement Trigger(JsonElement function) =>
        Assert.Single(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("direction").GetString() == "In");

    private static string Methods(JsonElement function) =>
        string.Join(",", Trigger(function).GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order(StringComparer.Ordinal));
}
