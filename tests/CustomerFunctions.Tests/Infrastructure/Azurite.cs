using System.Diagnostics;

namespace CustomerFunctions.Tests.Infrastructure;

/// <summary>A private, in-memory Azurite on free loopback ports, started for one fixture and killed with it.</summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string workspace;
    private readonly bool persistent;
    private readonly string script;
    private Process process;
    private ListeningLog listening;

    private Azurite((Process Process, ListeningLog Listening) launched, string script, string workspace, bool persistent, int blobPort, int queuePort, int tablePort)
    {
        (process, listening) = launched;
        this.script = script;
        this.workspace = workspace;
        this.persistent = persistent;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>Starts Azurite: in memory by default; <paramref name="persistent"/> keeps data on disk so it survives <see cref="RestartAsync"/>.</summary>
    public static async Task<Azurite> StartAsync(bool persistent = false)
    {
        var script = await NodeTools.EnsureInstalledAsync("azurite", Path.Combine("azurite", "dist", "src", "azurite.js"));
        // A free port is only free until someone else takes it (another test run on the machine): Azurite then exits
        // at once, and a second try on new ports starts it.
        for (var attempt = 1; ; attempt++)
        {
            var workspace = Directory.CreateTempSubdirectory("azurite-").FullName;
            var (blob, queue, table) = (NodeTools.FreePort(), NodeTools.FreePort(), NodeTools.FreePort());
            var azurite = new Azurite(Launch(script, workspace, persistent, blob, queue, table), script, workspace, persistent, blob, queue, table);
            try
            {
                await azurite.WaitUntilListeningAsync();
                return azurite;
            }
            catch (TimeoutException) when (attempt < 3 && azurite.process.HasExited)
            {
            }
        }
    }

    /// <summary>Stops Azurite gracefully (SIGTERM, so it flushes to disk) and starts it again on the same ports.</summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await term.WaitForExitAsync();
        }
        await process.WaitForExitAsync();
        process.Dispose();
        await Task.Delay(downtime);
        (process, listening) = Launch(script, workspace, persistent, BlobPort, QueuePort, TablePort);
        await WaitUntilListeningAsync();
    }

    private static (Process, ListeningLog) Launch(string script, string workspace, bool persistent, int blob, int queue, int table)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspace,
        };
        foreach (var arg in new[]
                 {
                     script, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(), "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", table.ToString(),
                 })
        {
            start.ArgumentList.Add(arg);
        }
        if (persistent)
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(workspace);
        }
        else
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var listening = new ListeningLog();
        process.OutputDataReceived += (_, line) => listening.Read(line.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, listening);
    }

    /// <summary>
    /// Waits until Azurite itself says it listens on the queue and table ports. A connection alone does not prove it:
    /// when another process took one of the ports first, Azurite exits, and that process answers in its place.
    /// </summary>
    public async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(listening.Says(QueuePort) && listening.Says(TablePort)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Azurite did not listen on ports {QueuePort} and {TablePort} (exited: {process.HasExited}).");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The "successfully listening at http://127.0.0.1:{port}" lines Azurite prints as each service starts.</summary>
    private sealed class ListeningLog
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> ports = new();

        public void Read(string? line)
        {
            const string Marker = "successfully listening at http://127.0.0.1:";
            var at = line?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
            if (at >= 0 && int.TryParse(line![(at + Marker.Length)..].TrimEnd('/'), out var port))
            {
                ports[port] = true;
            }
        }

        public bool Says(int port) => ports.ContainsKey(port);
    }

    public async ValueTask DisposeAsync()
    {
        await NodeTools.StopAsync(process);
        try
        {
            Directory.Delete(workspace, recursive: true);
        }
        catch (IOException)
        {
        }
    }

}

public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CustomerFunctions.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Could not find the repository root.");
    }
}
