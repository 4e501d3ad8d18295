using Azure.Data.Tables;
using Azure.Storage.Queues;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using CustomerFunctions.Tests.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static CustomerFunctions.Tests.Registration.RegistrationSteps;

namespace CustomerFunctions.Tests.EmailLimits;

/// <summary>The per-address registration limit is one count in storage: another instance over the same storage sees it.</summary>
public sealed class SharedRegistrationLimit(TightAddressLimitFixture f) : IClassFixture<TightAddressLimitFixture>
{
    /// <summary>A second instance's limiter: its own storage clients and counters, the same storage account.</summary>
    private AddressRateLimiter OtherInstance()
    {
        var storage = new StorageClients(new TableServiceClient(f.Storage.ConnectionString), new QueueServiceClient(f.Storage.ConnectionString));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Registration:PerAddressPerHour", "3")]).Build();
        return new AddressRateLimiter(new RateCounters(storage), f.Time, configuration);
    }

    [Fact]
    public async Task AttemptsThroughTheServer_AndThroughAnotherInstance_ShareOneCount()
    {
        await Configure(f, TestUser.Operator(), "open");
        const string loopback = "127.0.0.1";
        (await Register(f, Ids.Account("shared"), Email())).Is(202);
        (await Register(f, Ids.Account("shared"), Email())).Is(202);

        var other = OtherInstance();
        Assert.Null(await other.TryAcquireAsync(loopback, CancellationToken.None));
        Assert.NotNull(await other.TryAcquireAsync(loopback, CancellationToken.None));
        (await Register(f, Ids.Account("shared"), Email())).IsProblem(429, "too-many-requests");
    }

    [Fact]
    public async Task TwoLimiterInstancesOverTheSameStorage_AllowTheLimitOnceBetweenThem()
    {
        var (first, second) = (f.Services.GetRequiredService<AddressRateLimiter>(), OtherInstance());
        const string address = "203.0.113.77";
        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).TryAcquireAsync(address, CancellationToken.None)));

        Assert.Equal(3, taken.Count(wait => wait is null));
        Assert.All(taken.Where(wait => wait is not null), wait => Assert.InRange(wait!.Value, TimeSpan.FromSeconds(1), AddressRateLimiter.Window));
    }
}
