using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Storage;

/// <summary>
/// A private Azurite and two clients of one table: <see cref="Guarded"/> with <see cref="AzureTableLimitsPolicy"/> (as the
/// app's clients have it) and <see cref="Raw"/> without, to show what Azurite alone lets through.
/// </summary>
public sealed class LimitsTable : IAsyncLifetime
{
    private Azurite storage = null!;

    public TableClient Guarded { get; private set; } = null!;
    public TableClient Raw { get; private set; } = null!;

    /// <summary>Requests of <see cref="Guarded"/> that went past the policy towards storage.</summary>
    public SentCounter Sent { get; } = new();

    public async Task InitializeAsync()
    {
        storage = await Azurite.StartAsync();
        var guarded = new TableClientOptions();
        guarded.AddPolicy(new AzureTableLimitsPolicy(), HttpPipelinePosition.PerCall);
        guarded.AddPolicy(Sent, HttpPipelinePosition.PerRetry);
        Guarded = new TableServiceClient(storage.ConnectionString, guarded).GetTableClient("Limits");
        Raw = new TableServiceClient(storage.ConnectionString).GetTableClient("Limits");
        await Raw.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    public sealed class SentCounter : HttpPipelineSynchronousPolicy
    {
        private long count;

        public long Count => Interlocked.Read(ref count);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
    }
}
