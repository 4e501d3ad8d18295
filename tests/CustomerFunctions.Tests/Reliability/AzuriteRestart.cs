using System.Collections.Concurrent;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Reliability;

public sealed class DiskBackedServiceFixture : ServiceFixture
{
    protected override bool PersistentStorage => true;
}

/// <summary>Azurite goes away and comes back while clients keep writing: nothing that was acknowledged is lost.</summary>
public sealed class AzuriteRestart(DiskBackedServiceFixture f) : IClassFixture<DiskBackedServiceFixture>
{
    [Fact]
    public async Task RestartUnderLoad_LosesNothingAcknowledged_AndDuplicatesNothing()
    {
        var op = TestUser.Operator();
        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();

        async Task Client(int n)
        {
            while (!stop.IsCancellationRequested)
            {
                var id = Ids.Account($"load{n}");
                var key = new Dictionary<string, string> { ["Idempotency-Key"] = id };
                // A client that is told "try again" retries with the same key until it gets a final answer.
                for (var attempt = 0; attempt < 40; attempt++)
                {
                    var reply = await f.As(op).Post("/api/customers", new { id, name = "Load " + id }, key);
                    if (reply.Status == 201)
                    {
                        acknowledged.Add(id);
                        break;
                    }
                    if (reply.Status is not (503 or 500))
                    {
                        failures.Add(reply.Status);
                        break;
                    }
                    await Task.Delay(250);
                }
            }
        }

        var clients = Enumerable.Range(0, 6).Select(Client).ToList();
        await Task.Delay(1500);
        await f.Storage.RestartAsync(TimeSpan.FromSeconds(1));
        await Task.Delay(1500);
        stop.Cancel();
        await Task.WhenAll(clients);

        Assert.Empty(failures);
        Assert.True(acknowledged.Count > 5, $"Only {acknowledged.Count} creations were acknowledged.");
        foreach (var id in acknowledged)
        {
            (await f.As(op).Get($"/api/customers/{id}")).Is(200);
            Assert.Equal(1, StorageRows.Events(await StorageRows.PartitionAsync(f, id), "CUSTOMER_CREATED"));
        }
    }
}
