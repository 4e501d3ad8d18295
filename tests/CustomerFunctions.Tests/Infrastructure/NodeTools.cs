using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CustomerFunctions.Tests.Infrastructure;

/// <summary>The npm-installed tools the tests start (Azurite, MailDev): installed from tools/{name} on first use, on free loopback ports.</summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs <c>npm ci</c> in tools/{tool} unless <paramref name="script"/> (relative to its node_modules) exists; returns the script's path.</summary>
    public static async Task<string> EnsureInstalledAsync(string tool, string script)
    {
        var folder = Path.Combine(Repository.Root, "tools", tool);
        var path = Path.Combine(folder, "node_modules", script);
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(path))
            {
                using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = folder, UseShellExecute = false })!;
                await npm.WaitForExitAsync();
                if (npm.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm ci failed; run it in tools/{tool}.");
                }
            }
        }
        finally
        {
            InstallLock.Release();
        }
        return path;
    }

    /// <summary>Kills a tool's process tree (if still running) and waits for it to go.</summary>
    public static async Task StopAsync(Process process)
    {
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
}
