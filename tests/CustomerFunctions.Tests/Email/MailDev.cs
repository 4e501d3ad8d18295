using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Emails;

/// <summary>A real SMTP server for the SMTP sender's tests: MailDev (tools/maildev) on free loopback ports, read through its REST API.</summary>
public sealed class MailDev : IAsyncDisposable
{
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
        var script = await NodeTools.EnsureInstalledAsync("maildev", Path.Combine("maildev", "bin", "maildev"));
        var (smtp, web) = (NodeTools.FreePort(), NodeTools.FreePort());
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
        await NodeTools.StopAsync(process);
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

}
