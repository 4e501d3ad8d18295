using CustomerFunctions.Core.History;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Deletion;

/// <summary>src/Server's hosted timer on the default schedule (every five minutes), driven by the fake clock.</summary>
public sealed class HostedDeletionTimer(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task WhenTheClockPassesTheDueTime_TheTimerDeletesTheAccount()
    {
        var op = TestUser.Operator();
        var cast = await Cast.CreateAsync(f, op);
        (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { })).Is(201);

        f.Time.Advance(TimeSpan.FromDays(9));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("deletionRequested", (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status"));

        f.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(5));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string status;
        do
        {
            await Task.Delay(200);
            status = (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status");
        }
        while (status != "deleted" && DateTime.UtcNow < deadline);
        Assert.Equal("deleted", status);
        Assert.Equal("timer", Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.CustomerDeleted)).Actor.UserId);
    }
}
