using System.Text.RegularExpressions;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Server;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerFunctions.Tests.Architecture;

/// <summary>
/// src/Functions' adapters (read from its source) against what src/Server runs: src/Core's route table
/// (<see cref="ApiRoutes"/>) and its background work (<see cref="BackgroundWork"/>). What the Functions host actually
/// registers, the SDK-generated functions.metadata, is checked in <see cref="FunctionsMetadataMatchesTheServer"/>.
/// </summary>
public sealed partial class FunctionsMatchRouteTable
{
    [Fact]
    public void EveryHttpAdapter_DispatchesToTheRouteItIsNamedAfter()
    {
        var declared = FunctionSources().SelectMany(source => HttpFunction().Matches(source.Text)).ToList();

        Assert.Equal(ApiRoutes.All.Count, declared.Count);
        foreach (Match function in declared)
        {
            Assert.True(function.Groups["name"].Value == function.Groups["target"].Value, $"Function {function.Groups["name"].Value} dispatches to route {function.Groups["target"].Value}.");
        }
    }

    [Fact]
    public void RouteNames_AreUnique_AndNoTwoRoutesShareVerbAndTemplate()
    {
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(r => r.Name).Distinct().Count());
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(r => r.Verb + " " + r.Route).Distinct().Count());
    }

    [Fact]
    public void EveryQueueServerPumps_HasAQueueFunction_WithTheSameNameQueueAndHandler()
    {
        var declared = FunctionSources()
            .SelectMany(source => QueueFunction().Matches(source.Text).Select(m =>
                $"{m.Groups["name"].Value} {Constant(m.Groups["queue"].Value)} {HandlerType(source.Text, m.Groups["receiver"].Value)}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(BackgroundWork.Queues.Select(q => $"{q.Name} {q.QueueName} {q.Handler.Name}").Order(StringComparer.Ordinal), declared);
    }

    [Fact]
    public void EveryTimerServerRuns_HasATimerFunction_WithTheSameNameScheduleSettingAndHandler()
    {
        var declared = FunctionSources()
            .SelectMany(source => TimerFunction().Matches(source.Text).Select(m =>
                $"{m.Groups["name"].Value} {m.Groups["setting"].Value} {HandlerType(source.Text, m.Groups["receiver"].Value)}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(BackgroundWork.Timers.Select(t => $"{t.Name} {t.ScheduleSetting} {t.Handler.Name}").Order(StringComparer.Ordinal), declared);
    }

    [Fact]
    public void EveryFunction_IsAnHttpQueueOrTimerAdapterOfTheCheckedForm()
    {
        foreach (var (path, text) in FunctionSources())
        {
            var checkedForms = HttpFunction().Count(text) + QueueFunction().Count(text) + TimerFunction().Count(text) + CatchAllFunction().Count(text);
            Assert.True(AnyFunction().Count(text) == checkedForms, $"{path} declares a [Function] that none of this test's patterns reads; write it in one of their forms.");
        }
    }

    [Fact]
    public async Task ServerRegistersItsQueuePumpsAndTimers_FromTheBackgroundWork()
    {
        string[] args =
        [
            "--environment", "Development", "--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", "UseDevelopmentStorage=true",
            "--Auth:DevelopmentSigningKey", ServiceFixture.SigningKey,
        ];
        await using var app = ServerApp.Build(args);
        var hosted = app.Services.GetServices<IHostedService>().ToList();

        Assert.Equal(BackgroundWork.Queues.Select(q => q.QueueName), hosted.OfType<QueuePump>().Select(p => p.Name));
        Assert.Equal(BackgroundWork.Timers.Select(t => t.Name), hosted.OfType<CronTimer>().Select(t => t.Name));
    }

    private static IEnumerable<(string Path, string Text)> FunctionSources() =>
        Directory.GetFiles(Path.Combine(Repository.Root, "src", "Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (path, File.ReadAllText(path)));

    /// <summary>A trigger argument: a string literal, or a src/Core constant such as <c>StorageClients.EmailQueueName</c>.</summary>
    private static string Constant(string expression)
    {
        if (expression.StartsWith('"'))
        {
            return expression.Trim('"');
        }
        var (typeName, member) = (expression[..expression.LastIndexOf('.')], expression[(expression.LastIndexOf('.') + 1)..]);
        var type = Assert.Single(typeof(BackgroundWork).Assembly.GetTypes(), t => t.Name == typeName);
        return (string)type.GetField(member)!.GetRawConstantValue()!;
    }

    /// <summary>The type of the primary-constructor parameter the adapter calls (<c>class QueueFunctions(EmailQueueHandler emails, ...)</c>).</summary>
    private static string HandlerType(string source, string receiver)
    {
        var parameters = Assert.Single(FunctionClass().Matches(source)).Groups["parameters"].Value;
        var parameter = Assert.Single(parameters.Split(',').Select(p => p.Trim().Split(' ')), p => p[^1] == receiver);
        return parameter[0];
    }

    [GeneratedRegex("""\[Function\("(?<name>\w+)"\)\]\s*public\s+Task<IResult>\s+\w+\(\[HttpTrigger\(AuthorizationLevel\.Anonymous,\s*"(?<verb>\w+)",\s*Route\s*=\s*"(?<route>[^"]+)"\)\]\s*HttpRequest\s+request\)\s*=>\s*api\.RunAsync\("(?<target>\w+)",\s*request\);""")]
    private static partial Regex HttpFunction();

    [GeneratedRegex("""\[Function\("(?<name>\w+)"\)\]\s*public\s+Task\s+\w+\(\[QueueTrigger\((?<queue>"[^"]+"|[\w.]+),\s*Connection\s*=\s*"AzureWebJobsStorage"\)\]\s*string\s+message,\s*(FunctionContext\s+context,\s*)?CancellationToken\s+cancellationToken\)\s*=>\s*(?<receiver>\w+)\.\w+\(message,\s*(QueueTriggerData\.DequeueCount\(context\),\s*)?cancellationToken\);""")]
    private static partial Regex QueueFunction();

    [GeneratedRegex("""\[Function\("(?<name>\w+)"\)\]\s*public\s+Task\s+\w+\(\[TimerTrigger\("%(?<setting>[^%"]+)%"\)\]\s*TimerInfo\s+timer,\s*CancellationToken\s+cancellationToken\)\s*=>\s*(?<receiver>\w+)\.\w+\(cancellationToken\);""")]
    private static partial Regex TimerFunction();

    [GeneratedRegex("""\[Function\("HostRoutes"\)\]\s*public\s+static\s+IResult\s+\w+\(\[HttpTrigger\(AuthorizationLevel\.Anonymous,[^\]]*Route\s*=\s*"\{\*path\}"\)\]\s*HttpRequest\s+request\)\s*=>\s*Core\.Api\.HostRoutes\.Answer\(request\);""")]
    private static partial Regex CatchAllFunction();

    [GeneratedRegex("""\[Function\(""")]
    private static partial Regex AnyFunction();

    [GeneratedRegex("""public\s+sealed\s+class\s+\w+\((?<parameters>[^)]*)\)""")]
    private static partial Regex FunctionClass();
}
