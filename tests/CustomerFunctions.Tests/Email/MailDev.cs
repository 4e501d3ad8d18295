using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Emails;

/// <summary>A real SMTP server for the SMTP sender's tests: MailDev (tools/maildev) on free loopback ports, read through its REST API.</summary>
public sealed class MailDev : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly Process process;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private MailDev(Process process, int smtpPort, int webPort)
    {
        this.process = process;
        SmtpPort = smtpPort;
        WebPort = webPort;
    }

    public int SmtpPort { get; }
    public int WebPort { get; }

    /// <summary>Starts MailDev; with a user name and password it accepts only authenticated senders.</summary>
    public static async Task<MailDev> StartAsync(string? user = null, string? password = null)
    {
        var script = await EnsureInstalledAsync();
        var (smtp, web) = (FreePort(), FreePort());
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = [script, "--ip", "127.0.0.1", "--smtp", smtp.ToString(), "--web", web.ToString(), "--silent"];
        foreach (var arg in args.Concat(user is null ? [] : ["--incoming-user", user, "--incoming-pass", password!]))
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MailDev(process, smtp, web);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>The emails MailDev received, as its REST API lists them.</summary>
    public async Task<IReadOnlyList<JsonElement>> ReceivedAsync()
    {
        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{WebPort}/email"));
        return JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
    }

    public async Task<IReadOnlyList<JsonElement>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var received = await ReceivedAsync();
            if (received.Count >= count || DateTime.UtcNow > deadline)
            {
                return received;
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await ReceivedAsync();
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, SmtpPort);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Installs MailDev from tools/maildev (npm ci) the first time it is needed.</summary>
    private static async Task<string> EnsureInstalledAsync()
    {
        var tools = Path.Combine(Repository.Root, "tools", "maildev");
        var script = Path.Combine(tools, "node_modules", "maildev", "bin", "maildev");
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(script))
            {
                using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = tools, UseShellExecute = false })!;
                await npm.WaitForExitAsync();
                if (npm.ExitCode != 0)
                {
                    throw new InvalidOperationException("npm ci for MailDev failed; run it in tools/maildev.");
                }
            }
        }
        finally
        {
            InstallLock.Release();
        }
        return script;
    }
}
