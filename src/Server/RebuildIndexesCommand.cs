using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Server;

/// <summary>
/// <c>rebuild-indexes [--after accountId] [host settings...]</c>: rebuilds every index partition from the account
/// partitions against the configured storage (<c>AzureWebJobsStorage</c>), printing each account as it is done; after an
/// interruption, run it again with <c>--after</c> the last account printed.
/// </summary>
public static class RebuildIndexesCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var after = "";
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--after" && i + 1 < args.Length)
            {
                after = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        // Built, never started: no HTTP listener, queue pump or timer runs beside the rebuild.
        await using var app = ServerApp.Build([.. rest]);
        await app.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
        var count = await app.Services.GetRequiredService<IndexRebuild>().RunAsync(after, id => Console.WriteLine("rebuilt " + id), CancellationToken.None);
        Console.WriteLine($"done: {count} account(s)");
        return 0;
    }
}
