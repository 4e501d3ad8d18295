using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Server;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Tests.Architecture;

/// <summary>
/// The functions.metadata the Functions worker SDK writes into src/Functions' build output is what the Functions host
/// registers: its HTTP triggers must be the route table (with host.json's empty route prefix, the same URLs src/Server
/// maps) plus the one catch-all, and its queue and timer triggers the background work src/Server runs, with host.json's
/// queue settings those src/Server's pumps run. .ci/run builds src/Functions before the tests; run
/// `dotnet build src/Functions` first when running this by hand (a build older than its sources fails the test).
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
    public async Task TheServersQueuePumps_RunHostJsonsQueueSettings_AndTheEmailHandlersLastTryIsTheHostsLast()
    {
        var queues = HostQueues();
        // Every setting host.json gives the queue trigger is one this test holds src/Server to, or one design-notes explains.
        Assert.Equal(["batchSize", "maxDequeueCount", "maxPollingInterval", "messageEncoding", "newBatchThreshold", "visibilityTimeout"],
            queues.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        await using var storage = await Azurite.StartAsync();
        string[] args =
        [
            "--environment", "Development", "--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", storage.ConnectionString,
            "--Auth:DevelopmentSigningKey", ServiceFixture.SigningKey,
        ];
        await using var app = ServerApp.Build(args);
        var server = app.Services.GetRequiredService<IOptions<QueueOptions>>().Value;

        Assert.Equal(
            new
            {
                MaxDequeueCount = queues.GetProperty("maxDequeueCount").GetInt32(),
                VisibilityTimeout = TimeSpan.Parse(queues.GetProperty("visibilityTimeout").GetString()!, CultureInfo.InvariantCulture),
                BatchSize = queues.GetProperty("batchSize").GetInt32(),
                PollInterval = TimeSpan.Parse(queues.GetProperty("maxPollingInterval").GetString()!, CultureInfo.InvariantCulture),
            },
            new { server.MaxDequeueCount, server.VisibilityTimeout, server.BatchSize, server.PollInterval });
        // The email handler keeps a failing email itself on its last try (without expiry): that try must be the host's last.
        Assert.Equal(server.MaxDequeueCount, app.Services.GetRequiredService<IOptions<EmailOptions>>().Value.MaxAttempts);
        // Both hosts write and read message bodies base64-encoded: what src/Core's queue clients put on a queue is base64.
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        var emails = app.Services.GetRequiredService<StorageClients>().EmailQueue;
        await emails.CreateIfNotExistsAsync();
        await emails.SendMessageAsync("{\"id\":\"encoded\"}");
        var raw = Assert.Single((await new QueueClient(storage.ConnectionString, emails.Name).PeekMessagesAsync(1)).Value);
        Assert.Equal(Convert.ToBase64String("{\"id\":\"encoded\"}"u8.ToArray()), raw.Body.ToString());
    }

    [Fact]
    public async Task AMessageThatKeepsFailing_IsTriedMaxDequeueCountTimes_ThenKeptInItsPoisonQueue()
    {
        var maxDequeueCount = HostQueues().GetProperty("maxDequeueCount").GetInt32();
        await using var storage = await Azurite.StartAsync();
        var encoding = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var queue = new QueueClient(storage.ConnectionString, "parity", encoding);
        var poison = new QueueClient(storage.ConnectionString, "parity-poison", encoding);
        await queue.CreateAsync();
        await poison.CreateAsync();
        await queue.SendMessageAsync("keeps failing");
        var tries = new ConcurrentQueue<long>();
        // The pump as src/Server registers it, with host.json's tries; failed messages come back after a second here, not a minute.
        var pump = new QueuePump("parity", queue, poison, (_, dequeueCount, _) =>
        {
            tries.Enqueue(dequeueCount);
            throw new InvalidOperationException("The handler fails every time.");
        }, new QueueOptions { MaxDequeueCount = maxDequeueCount, VisibilityTimeout = TimeSpan.FromSeconds(1) }, NullLogger.Instance);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await poison.PeekMessagesAsync(1)).Value.Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The failing message never reached the poison queue.");
            await pump.PumpOnceAsync(CancellationToken.None);
            await Task.Delay(250);
        }

        // As under the Functions host: maxDequeueCount tries, then the message moves to "{queue}-poison".
        Assert.Equal(Enumerable.Range(1, maxDequeueCount).Select(i => (long)i), tries);
        var kept = Assert.Single((await poison.PeekMessagesAsync(32)).Value);
        Assert.Equal("keeps failing", kept.Body.ToString());
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
        // Kept until someone acts on it (the Functions host's copy expires after the default 7 days; design-notes).
        Assert.True(kept.ExpiresOn > DateTimeOffset.UtcNow.AddYears(1));
    }

    private static JsonElement HostQueues()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json")));
        return host.RootElement.GetProperty("extensions").GetProperty("queues").Clone();
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
